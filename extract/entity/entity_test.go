package entity

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"govx"
	"govx/extract"
	"govx/extract/extracttest"
)

// entityCase is a test sentence with its entities marked in brackets and
// their types (and, where given, admin codes and normalized names) in
// order. A sentence without brackets must give no entity.
type entityCase struct {
	in    string
	types []govx.EntityType
	codes []string // admin_code per span, "" for none; nil: not checked
	norms []string // normalized per span; nil: not checked
}

const (
	org  = govx.EntityOrg
	loc  = govx.EntityLoc
	per  = govx.EntityPer
	proj = govx.EntityProject
)

func runCases(t *testing.T, cases []entityCase) {
	t.Helper()
	x := extractor(t)
	for _, c := range cases {
		text, want := extracttest.Marked(c.in)
		t.Run(text, func(t *testing.T) {
			doc := segmentedDoc(t, text)
			var m govx.Mentions
			x.Extract(doc, &m)
			extracttest.Check(t, doc, &m)
			var got []govx.Span
			for _, e := range m.Entities {
				got = append(got, e.Span)
			}
			if extracttest.Show(text, got) != extracttest.Show(text, want) {
				t.Fatalf("got  %s\nwant %s", extracttest.Show(text, got), extracttest.Show(text, want))
			}
			for i, e := range m.Entities {
				if e.Type != c.types[i] {
					t.Errorf("%s: type %s, want %s", e.In(text), e.Type, c.types[i])
				}
				if c.codes != nil && e.AdminCode != c.codes[i] {
					t.Errorf("%s: admin_code %q, want %q", e.In(text), e.AdminCode, c.codes[i])
				}
				if c.norms != nil && e.Normalized != c.norms[i] {
					t.Errorf("%s: normalized %q, want %q", e.In(text), e.Normalized, c.norms[i])
				}
			}
		})
	}
}

func TestOrganizations(t *testing.T) {
	runCases(t, []entityCase{
		{in: "[苏州华泰精密机械有限公司]今年新增两条生产线。", types: []govx.EntityType{org}},
		{in: "[江苏省农业科学院]与[南京农业大学]签订合作协议。", types: []govx.EntityType{org, org}},
		{in: "[无锡市人民政府]印发了实施意见。", types: []govx.EntityType{org}},
		{in: "[合肥市委]、[安徽省委]联合印发通知。", types: []govx.EntityType{org, org}, norms: []string{"中共合肥市委", "中共安徽省委"}},
		{in: "据[中国人民银行]发布的数据，贷款余额继续增长。", types: []govx.EntityType{org}},
		{in: "[常州天合光能有限公司]扩建工厂，[天合光能]预计年内投产。",
			types: []govx.EntityType{org, org}, norms: []string{"", "常州天合光能有限公司"}},
		{in: "[常州星宇车灯股份有限公司]（以下简称“[星宇股份]”）发布公告，[星宇股份]营收增长。",
			types: []govx.EntityType{org, org, org}, norms: []string{"", "常州星宇车灯股份有限公司", "常州星宇车灯股份有限公司"}},
		{in: "[恒瑞医药]、[洋河股份]发布年报，[江苏]能源消费总量下降。", types: []govx.EntityType{org, org, loc}},
		{in: "[南通中集能源装备有限公司]二期扩建项目加快推进。", types: []govx.EntityType{org}},
		{in: "[中能建集团]与园区签订协议。", types: []govx.EntityType{org}, norms: []string{"中国能源建设集团有限公司"}},
		{in: "[江宁区人民法院]审结案件，[中国工商银行南京分行]发放贷款。", types: []govx.EntityType{org, org}},
		// An agency the segmenter tags as one organization word, after a place.
		{in: "[江苏省统计局]发布数据，[无锡市商务局]做好服务。", types: []govx.EntityType{org, org}},
		// Negatives: generic words, unnamed bodies.
		{in: "着力构建园区发展新格局，新建标准化加工厂。"},
		{in: "市政务服务中心、党群服务中心、新时代文明实践中心建成投用。"},
		{in: "企业加快转型升级，海关通关效率明显提升。"},
		{in: "全市招商服务公司负责对接客商，市财政局做好保障。"},
		{in: "区党工委召开会议，研究部署下一阶段工作。"},
	})
}

func TestPlaces(t *testing.T) {
	runCases(t, []entityCase{
		{in: "[常州高新区]前三季度工业投资增长较快。", types: []govx.EntityType{loc}},
		{in: "[常州高新技术产业开发区]位于城北，[常州高新区]今年引进项目四十个。", types: []govx.EntityType{loc, loc},
			norms: []string{"", "常州高新技术产业开发区"}},
		{in: "[浦东新区]新增外资企业三百家。", types: []govx.EntityType{loc}, codes: []string{"310115"}},
		{in: "[上海浦东新区]启动科创平台建设。", types: []govx.EntityType{loc},
			codes: []string{"310115"}, norms: []string{"上海市浦东新区"}},
		{in: "[镇江]的[丹徒区]今年新开工项目较多。", types: []govx.EntityType{loc, loc},
			codes: []string{"321100", "321112"}, norms: []string{"镇江市", ""}},
		// A bare name shared by a prefecture and the county named after it
		// is the prefecture, even where the prefecture is named in full.
		{in: "[长沙]：[长沙市]今年新开工项目一百个。", types: []govx.EntityType{loc, loc},
			codes: []string{"430100", "430100"}, norms: []string{"长沙市", ""}},
		{in: "[江苏省]、[浙江省]两地签署协议。", types: []govx.EntityType{loc, loc}, codes: []string{"320000", "330000"}},
		{in: "[泰国]与[越南]客商参加洽谈。", types: []govx.EntityType{loc, loc}, codes: []string{"", ""}},
		{in: "[长江]岸线整治全面完成。", types: []govx.EntityType{loc}},
		{in: "[城关镇]、[石门乡]、[东关街道]经济总量位居前列。", types: []govx.EntityType{loc, loc, loc}},
		// A town right after its county is a place of its own, whatever
		// its characters (北 is a direction word).
		{in: "[南海区][北岙镇]家电出口额增长，[北岙镇]今年新建厂房。", types: []govx.EntityType{loc, loc, loc},
			codes: []string{"440605", "", ""}},
		// …and is named elsewhere without its suffix.
		{in: "●[北岙]：[南海区][北岙镇]家电出口额增长。\n●[桂城]：[桂城街道]新增企业。", types: []govx.EntityType{loc, loc, loc, loc, loc},
			codes: []string{"", "440605", "", "", ""}, norms: []string{"北岙镇", "", "", "桂城街道", ""}},
		{in: "[沪宁高速]车流量持续增长，[星湖大道]全线贯通。", types: []govx.EntityType{loc, loc}},
		{in: "[前海深港现代服务业合作区]新增注册企业两千家。", types: []govx.EntityType{loc}},
		// Negatives: generic areas, words that hold division names.
		{in: "全省各地区道路建设加快，思路清晰，销路通畅。"},
		{in: "高新区持续优化营商环境，全区上下形成合力。"},
	})
}

func TestPeople(t *testing.T) {
	runCases(t, []entityCase{
		{in: "本报记者 [王晓明]", types: []govx.EntityType{per}},
		{in: "副市长[陈立新]出席会议并讲话。", types: []govx.EntityType{per}},
		{in: "会上，董事长[刘建国]介绍了企业情况。", types: []govx.EntityType{per}},
		{in: "新闻发言人[孟玮]介绍，经济保持恢复态势。", types: []govx.EntityType{per}},
		{in: "副县长[欧阳明辉]主持会议。", types: []govx.EntityType{per}},
		{in: "[欧盟委员会]主席[冯德莱恩]表示将加强合作。", types: []govx.EntityType{org, per}},
		{in: "[南京大学]教授[李华]建议加强基础研究。", types: []govx.EntityType{org, per}},
		{in: "市领导[何志远]、[孙立群]、[马晓东]等出席活动。", types: []govx.EntityType{per, per, per}},
		{in: "园区今年完成投资较多。（[赵明] [孙丽]）", types: []govx.EntityType{per, per}},
		// Negatives: titles without names, quoted positions.
		{in: "市长质量奖评选工作启动。"},
		{in: "主要负责人，参加会议。（右一）"},
	})
}

func TestProjects(t *testing.T) {
	runCases(t, []entityCase{
		{in: "总投资30亿元的[宁海新能源电池材料项目]开工。", types: []govx.EntityType{proj}},
		{in: "[凤凰湖公园整治提升工程]全面完成。", types: []govx.EntityType{proj}},
		{in: "[京沪高铁]客流持续增长。", types: []govx.EntityType{proj}},
		{in: "[G42沪蓉高速扩容工程]年内开工。", types: []govx.EntityType{proj}},
		{in: "[国道312线溧阳至宜兴段]改扩建加快推进。", types: []govx.EntityType{proj}},
		// A division named in full before a project word is that place's
		// railway or project, not a named project.
		{in: "[赤峰市]铁路完成货物发送量850万吨。", types: []govx.EntityType{loc}},
		// Negatives: counts and kinds of projects are not names.
		{in: "新签约亿元以上产业项目21个，重点项目加快推进。"},
		{in: "一期项目明年投产，二期项目已开工，综合配套项目有序推进。"},
		{in: "多条道路改扩建工程年底完工，在建项目有序推进。"},
		{in: "一批高科技新兴产业大项目集中开工，新老项目齐头并进。"},
		{in: "全区新开工智能家居零部件项目16个，绿色食品精深加工项目9个。"},
		// A verb ends a name on its left: the place before it stands alone.
		{in: "今年以来，[宿豫区]坚持项目为王，经济稳中有进。", types: []govx.EntityType{loc}},
		{in: "截至8月底，[宿豫区]共有家庭农场专业合作社86家。", types: []govx.EntityType{loc}},
		{in: "[宿豫区]新开工[智能家电配套产业园项目]，[宿豫区]新签约项目12个。", types: []govx.EntityType{loc, proj, loc}},
	})
}

func TestLists(t *testing.T) {
	runCases(t, []entityCase{
		{in: "园区培育了[海纳微电]、[芯源测试]、[睿联光学]等企业。", types: []govx.EntityType{org, org, org}},
		// Items without a proper name are not taken.
		{in: "新能源、医疗器械等新兴产业项目较多。"},
	})
}

func TestRegion(t *testing.T) {
	x := extractor(t)
	for _, c := range []struct{ text, want string }{
		{"常州高新区经济稳中有进。\n常州高新区规上工业产值增长。\n南京客商来访。", "常州高新区"},
		{"今年我国出口增长。我国制造业保持扩张，广州港吞吐量创新高。", "中国"},
		{"会议强调，要抓好各项工作。", ""},
		// A heading names a city and the body its districts: the city,
		// the smallest place of the heading that holds them.
		{"【镇江各区简讯】\n丹徒区产值增长，丹徒区新增企业。京口区新增项目。", "镇江"},
		{"江苏镇江经济简讯\n丹徒区产值增长。\n丹徒区新增企业，丹徒区新增项目。", "镇江"},
		// A heading that names the place itself keeps it.
		{"江苏镇江丹徒区：产值增长。\n丹徒区新增企业，丹徒区新增项目。", "丹徒区"},
	} {
		doc := segmentedDoc(t, c.text)
		var m govx.Mentions
		x.Extract(doc, &m)
		if doc.Article.Region != c.want {
			t.Errorf("%q: region %q, want %q", c.text, doc.Article.Region, c.want)
		}
	}
}

func TestResolve(t *testing.T) {
	x := extractor(t)
	for name, code := range map[string]string{
		"镇江": "321100", "镇江市": "321100", "丹徒区": "321112", "丹徒": "321112",
		"江苏": "320000", "西藏": "540000", "杜尔伯特": "230624", "香港": "810000",
	} {
		ds := x.Resolve(name)
		if len(ds) != 1 || ds[0].Code != code {
			t.Errorf("Resolve(%q) = %v, want one division %s", name, ds, code)
		}
	}
	if ds := x.Resolve("朝阳区"); len(ds) < 2 {
		t.Errorf("Resolve(朝阳区) = %v, want several divisions", ds)
	}
	if d := x.Lookup("321112"); d == nil || d.Name != "丹徒区" || d.Parent != "321100" || d.Level != 3 {
		t.Errorf("Lookup(321112) = %+v", d)
	}
}

// TestSelfParented reads the cities without counties (东莞市 441900),
// which the NBS table lists again as their own area: that once made them
// their own parent and sent the ancestors of a division round in a loop.
// The generator now drops the repeated row; the gazetteer still refuses
// to loop.
func TestSelfParented(t *testing.T) {
	x := extractor(t)
	for _, c := range []struct{ text, code string }{
		{"东莞市。", "441900"}, {"中山市。", "442000"}, {"儋州市。", "460400"},
	} {
		for _, text := range []string{c.text, strings.Replace(c.text, "市", "", 1)} {
			done := make(chan []govx.Entity, 1)
			go func() {
				doc := extracttest.Doc(text)
				var m govx.Mentions
				x.Extract(doc, &m)
				done <- m.Entities
			}()
			select {
			case es := <-done:
				if strings.Contains(text, "市") && (len(es) == 0 || es[0].AdminCode != c.code) {
					t.Errorf("%s: entities %v, want the city %s first", text, es, c.code)
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("%s: Extract does not return", text)
			}
		}
	}
	if anc := x.gaz.ancestors(x.Lookup("441900")); !slices.Equal(anc, []string{"440000"}) {
		t.Errorf("ancestors of 441900: %v, want 440000", anc)
	}
	if anc := x.gaz.ancestors(x.Lookup("321112")); !slices.Equal(anc, []string{"321100", "320000"}) {
		t.Errorf("ancestors of 321112: %v, want 321100 320000", anc)
	}
}

func TestShortName(t *testing.T) {
	for name, want := range map[string]string{
		"江苏省": "江苏", "北京市": "北京", "广西壮族自治区": "广西", "新疆维吾尔自治区": "新疆",
		"香港特别行政区": "香港", "阿里地区": "阿里", "浦东新区": "浦东", "丹徒区": "丹徒",
		"杜尔伯特蒙古族自治县": "杜尔伯特", "恩施土家族苗族自治州": "恩施", "锡林郭勒盟": "锡林郭勒",
		// Too short to stand alone.
		"城区": "", "和县": "",
	} {
		if got := shortName(name); got != want {
			t.Errorf("shortName(%s) = %q, want %q", name, got, want)
		}
	}
}

// TestNewCost holds the start-up cost of the gazetteer and tables: New must
// take no more than 50 ms and 20 MB.
func TestNewCost(t *testing.T) {
	if testing.Short() {
		t.Skip("measures time")
	}
	best := time.Hour
	for range 3 {
		start := time.Now()
		if _, err := New(); err != nil {
			t.Fatal(err)
		}
		best = min(best, time.Since(start))
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(x)
	heap := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("New: %v (best of 3), %.1f MB retained", best, float64(heap)/(1<<20))
	if best > 50*time.Millisecond {
		t.Errorf("New took %v, want ≤ 50ms", best)
	}
	if heap > 20<<20 {
		t.Errorf("an Extractor retains %d bytes, want ≤ 20 MB", heap)
	}
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExtract(b *testing.B) {
	x := extractor(b)
	text := strings.Repeat("本报记者 王晓明\n常州高新区前三季度工业投资增长12%，苏州华泰精密机械有限公司与南京农业大学签约，"+
		"总投资30亿元的宁海新能源电池材料项目开工。副市长陈立新出席。\n", 20)
	doc := segmentedDoc(b, text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		var m govx.Mentions
		x.Extract(doc, &m)
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"本报记者 王晓明", "（赵明 孙丽）", "苏州华泰精密机械（苏州）有限公司", "国道312线溧阳至宜兴段",
		"上海浦东新区", "海纳微电、芯源测试等企业", "346国道", "（", "等企业", "、、等项目", "书记",
	} {
		f.Add(s, uint8(0))
	}
	x, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, cut uint8) {
		// The segmenter is too slow to load per fuzz worker: the text is
		// either read with no tokens (every rune a token) or cut into
		// tokens of one to three runes with tags taken in turn from
		// fuzzTags, as cut says.
		doc := extracttest.Doc(text)
		if cut > 0 {
			doc.Tokens = fuzzTokens(doc, cut)
		}
		var m govx.Mentions
		x.Extract(doc, &m)
		for _, err := range extracttest.Violations(text, &m) {
			t.Error(err)
		}
	})
}

var fuzzTags = []string{"n", "ns", "nr", "v", "x", "m", "q", "nt", "j", "t", "uj", "zg"}

// fuzzTokens cuts doc's text into tokens of 1 to 3 runes, skipping spaces.
func fuzzTokens(doc *extract.Doc, cut uint8) []govx.Token {
	text := doc.Article.Text
	var toks []govx.Token
	for i, n := 0, 0; i < len(text); n++ {
		size := int(cut>>(n%4*2))%3 + 1
		start := i
		for k := 0; k < size && i < len(text); k++ {
			r, w := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				if k == 0 {
					start += w
				} else {
					break
				}
			}
			i += w
		}
		if i > start {
			toks = append(toks, govx.Token{Span: govx.Span{Start: start, End: i},
				Sentence: doc.SentenceAt(start), Pos: fuzzTags[(n+int(cut))%len(fuzzTags)]})
		}
	}
	return toks
}

// TestConcurrent runs one Extractor from several goroutines; run it with
// -race.
func TestConcurrent(t *testing.T) {
	x := extractor(t)
	text := "本报记者 王晓明\n常州高新区前三季度工业投资增长，苏州华泰精密机械有限公司与南京农业大学签约。"
	tokens := segmentedDoc(t, text).Tokens
	done := make(chan []govx.Entity)
	for range 4 {
		go func() {
			doc := extracttest.Doc(text)
			doc.Tokens = tokens
			var m govx.Mentions
			x.Extract(doc, &m)
			done <- m.Entities
		}()
	}
	first := <-done
	for range 3 {
		if got := <-done; fmt.Sprint(got) != fmt.Sprint(first) {
			t.Errorf("goroutines disagree: %v and %v", got, first)
		}
	}
}

func Example() {
	x, err := New()
	if err != nil {
		panic(err)
	}
	// Without the segmenter's tokens (the pipeline supplies them), the
	// gazetteer and the rules still find divisions and bylines.
	doc := extracttest.Doc("镇江丹徒区今年以来项目建设提速。（赵明 孙丽）")
	var m govx.Mentions
	x.Extract(doc, &m)
	for _, e := range m.Entities {
		fmt.Println(strings.TrimSpace(fmt.Sprint(e.Type, " ", e.In(doc.Article.Text), " ", e.AdminCode, " ", e.Normalized)))
	}
	fmt.Println("region:", doc.Article.Region)
	// Output:
	// LOC 镇江 321100 镇江市
	// LOC 丹徒区 321112
	// PER 赵明
	// PER 孙丽
	// region: 镇江
}

// TestResolveOrder checks the packed sort keys of resolve, and the
// comparison it falls back on, against a stable sort by length, priority
// and start.
func TestResolveOrder(t *testing.T) {
	s := &scan{text: strings.Repeat("镇江", 100)}
	var cs []cand
	for k := range 200 {
		start := (k * 37) % 150
		cs = append(cs, cand{Span: govx.Span{Start: start, End: start + 1}, prio: 1 + k%4, runes: 1 + (k*7)%5})
	}
	for _, huge := range []bool{false, true} {
		if huge {
			cs[3].runes = 1 << 20 // too long to pack
		}
		want := make([]int, len(cs))
		for k := range want {
			want[k] = k
		}
		slices.SortStableFunc(want, func(i, j int) int {
			a, b := cs[i], cs[j]
			return cmp.Or(b.runes-a.runes, b.prio-a.prio, a.Start-b.Start)
		})
		keys, index := s.resolveOrder(cs)
		for k, key := range keys {
			if got := int(key & index); got != want[k] {
				t.Fatalf("huge %v: position %d holds candidate %d, want %d", huge, k, got, want[k])
			}
		}
	}
}
