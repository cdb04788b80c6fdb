package segment_test

import (
	"fmt"
	"log"

	"govx/normalize"
	"govx/segment"
)

// Case is kept (GDP), the project dictionary's words win (高新区 is a
// noun, not a name), and numbers come out in pieces: extractors read
// numbers from the characters, not from the tokens.
func ExampleSegmenter_Tokens() {
	seg, err := segment.Load() // once per process; share it
	if err != nil {
		log.Fatal(err)
	}
	text := "高新区GDP增长6.5%。"
	for _, tok := range seg.Tokens(text, normalize.Sentences(text)) {
		fmt.Printf("%s/%s ", tok.In(text), tok.Pos)
	}
	fmt.Println()
	// Output:
	// 高新区/n GDP/x 增长/v 6/x ./x 5/x %/x 。/x
}
