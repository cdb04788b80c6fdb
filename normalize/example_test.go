package normalize_test

import (
	"fmt"
	"strings"

	"govx/normalize"
)

func ExampleText() {
	// A paragraph an archive broke in the middle of a word is joined
	// again; the heading above it stays a line of its own.
	raw := "示例新闻\n\n" + strings.Repeat("全区上下", 10) + "突\n\n出重点。\n"
	fmt.Printf("%q\n", normalize.Text(raw))
	// Output:
	// "示例新闻\n\n全区上下全区上下全区上下全区上下全区上下全区上下全区上下全区上下全区上下全区上下突出重点。"
}

func ExampleFold() {
	text := "投资１２０亿元，增长５．２％"
	f := normalize.Fold(text)
	fmt.Println(f.Text)
	// A span found in the folded text maps back to the original.
	i := strings.Index(f.Text, "5.2%")
	fmt.Println(text[f.Orig(i):f.Orig(i+len("5.2%"))])
	// Output:
	// 投资120亿元，增长5.2%
	// ５．２％
}

func ExampleSentences() {
	text := "今年以来，全区增长5%。他说：“干！”\n标题行"
	for _, s := range normalize.Sentences(text) {
		fmt.Println(s.In(text))
	}
	// Output:
	// 今年以来，全区增长5%。
	// 他说：“干！”
	// 标题行
}
