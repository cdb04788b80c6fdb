package corpus_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"govx/corpus"
)

// govPage is a page shaped like a county government site's article page:
// meta tags, navigation, breadcrumb, info line, body, related links, footer.
// Its sentences are written for this test.
const govPage = `<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html">
%META%
<title>%TITLE%</title>
<script>var nav = "首页 新闻中心 政务公开";</script>
<style>.x{color:red}</style>
</head>
<body>
<div class="top-nav"><ul><li><a href="/">首页</a></li><li><a href="/xw">新闻中心</a></li><li><a href="/zw">政务公开</a></li></ul></div>
<div class="wrapper">
  <div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/xw">工作动态</a></div>
  <div class="article">
    <h1>云溪县一季度经济运行情况</h1>
    <div class="info">%INFO% 来源：云溪县统计局 浏览次数：128</div>
    <div class="TRS_Editor">
      <p>　　一季度，云溪县实现地区生产总值
      126.5亿元，同比增长6.2%。（测试用页面，数字虚构）</p>
      <p>　　规模以上工业增加值同比增长8.1%，固定资产投资同比增长5.4%。</p>
      <p>　　社会消费品零售总额41.3亿元，同比增长4.9%。</p>
    </div>
    <div class="share">分享到：微信 微博</div>
  </div>
  <div class="related"><h3>相关新闻</h3><ul><li><a href="/1">云溪县召开一季度经济形势分析会</a></li><li><a href="/2">云溪县重点项目集中开工</a></li></ul></div>
</div>
<div class="footer">主办单位：云溪县人民政府办公室 版权所有 备案号：示例ICP备00000000号</div>
</body></html>`

const govText = "云溪县一季度经济运行情况\n\n" +
	"一季度，云溪县实现地区生产总值126.5亿元，同比增长6.2%。（测试用页面，数字虚构）\n" +
	"规模以上工业增加值同比增长8.1%，固定资产投资同比增长5.4%。\n" +
	"社会消费品零售总额41.3亿元，同比增长4.9%。"

func page(meta, title, info string) string {
	return strings.NewReplacer("%META%", meta, "%TITLE%", title, "%INFO%", info).Replace(govPage)
}

func gbk(t testing.TB, s string) string {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReadHTML(t *testing.T) {
	withMeta := page(`<meta name="ArticleTitle" content="云溪县一季度经济运行情况"><meta name="PubDate" content="2023-04-18 09:30">`,
		"云溪县一季度经济运行情况_云溪县人民政府", "")
	noMeta := page("", "云溪县一季度经济运行情况_云溪县人民政府", "发布时间：2023-04-19 10:20")
	zoom := `<html><head><title>快讯 - 样例网</title></head><body><div id="menu"><a href="/">首页</a></div>` +
		`<div id="zoom">今年以来，全区新签约亿元以上项目12个。<br>1-5月，完成工业投资23.6亿元。<br><br>（测试用页面）</div></body></html>`
	tests := []struct {
		name, content, title, date, text string
		err                              error
	}{
		{"meta.html", withMeta, "云溪县一季度经济运行情况", "2023-04-18", govText, nil},
		{"nometa.html", noMeta, "云溪县一季度经济运行情况", "2023-04-19", govText, nil},
		{"gbk.htm", gbk(t, noMeta), "云溪县一季度经济运行情况", "2023-04-19", govText, nil},
		{"zoom.html", zoom, "快讯", "", "快讯\n\n今年以来，全区新签约亿元以上项目12个。\n1-5月，完成工业投资23.6亿元。\n（测试用页面）", nil},
		{"deep.html", "<html><body>" + strings.Repeat("<div>", 5000) + "深" + strings.Repeat("</div>", 5000), "", "", "", corpus.ErrTooLarge},
		{"notext.html", "<html><head><title>空</title></head><body><script>x()</script></body></html>", "", "", "", corpus.ErrEmpty},
		{"table.html", "<html><body><p>主要指标完成情况（测试）：</p><table><tr><th>指标</th><th>数值</th></tr><tr><td>地区生产总值</td><td>586.32亿元</td></tr></table></body></html>", "", "",
			"主要指标完成情况（测试）：\n指标 数值\n地区生产总值 586.32亿元", nil},
		{"paragraphs.html", "<html><body>" + strings.Repeat("<p>没有结束标签的段落。", 1000) + "</body></html>", "", "", strings.TrimSuffix(strings.Repeat("没有结束标签的段落。\n", 1000), "\n"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{tt.name: tt.content})
			items := collect(t, corpus.Read([]string{filepath.Join(dir, tt.name)}))
			if len(items) != 1 {
				t.Fatalf("%d items, want 1: %+v", len(items), items)
			}
			it := items[0]
			if tt.err != nil {
				var err error
				for _, e := range corpus.Read([]string{filepath.Join(dir, tt.name)}) {
					err = e
				}
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if it.Err != "" {
				t.Fatal(it.Err)
			}
			if it.Text != tt.text || it.Title != tt.title || it.Published != tt.date || it.DocID != tt.name {
				t.Errorf("got %s title %q date %q text\n%s\nwant title %q date %q text\n%s", it.DocID, it.Title, it.Published, it.Text, tt.title, tt.date, tt.text)
			}
		})
	}
}

// TestReadHTMLFixtures reads the committed pages in testdata/html, whose
// expected text, title and date are in the .want files next to them.
func TestReadHTMLFixtures(t *testing.T) {
	pages, _ := filepath.Glob("testdata/html/*.html")
	if len(pages) < 2 {
		t.Fatalf("%d pages in testdata/html, want at least 2", len(pages))
	}
	for _, p := range pages {
		want, err := os.ReadFile(strings.TrimSuffix(p, ".html") + ".want")
		if err != nil {
			t.Fatal(err)
		}
		items := collect(t, corpus.Read([]string{p}))
		if len(items) != 1 || items[0].Err != "" {
			t.Fatalf("%s: %+v", p, items)
		}
		got := "title: " + items[0].Title + "\ndate: " + items[0].Published + "\n" + items[0].Text + "\n"
		if got != string(want) {
			t.Errorf("%s:\n got %s\nwant %s", p, got, want)
		}
	}
}
