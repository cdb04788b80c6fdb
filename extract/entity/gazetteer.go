package entity

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Division is one of China's administrative divisions at province,
// prefecture or county level, with its 6-digit code (GB/T 2260, as the
// National Bureau of Statistics publishes it).
type Division struct {
	Code   string // 6 digits: 320000, 321100, 321112
	Name   string // the official name: 江苏省, 镇江市, 丹徒区
	Parent string // the code of the division it belongs to, "" for a province
	Level  int    // 1 province, 2 prefecture, 3 county
}

// gazetteer finds the names of divisions and known places and
// organizations in text. It is built once by New and only read afterwards.
type gazetteer struct {
	byCode map[string]*Division
	// anc holds the codes of the parent and grandparent of each division.
	anc map[*Division][]string
	// forms maps a written form (full name, short name, or a county's
	// name after its province's short name) to the divisions it may
	// stand for.
	forms map[string][]form
}

// form is one reading of a written division name.
type form struct {
	div   *Division
	short bool   // the form leaves out the suffix (镇江 for 镇江市)
	full  string // the canonical name for Normalized: 镇江市, 上海市浦东新区
}

// shortSuffixes are the endings a division's name loses in its short form,
// longest first. Ethnic autonomous names keep the place part only.
var shortSuffixes = []string{
	"维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "自治县", "自治旗",
	"地区", "林区", "新区", "省", "市", "区", "县", "盟", "旗",
}

// ethnicGroups are the names of China's ethnic groups that appear in the
// names of autonomous divisions, without 族.
var ethnicGroups = strings.Fields(`蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎
	傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌
	普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各`)

func loadGazetteer() (*gazetteer, error) {
	recs, err := rows("divisions.tsv", 4, 4)
	if err != nil {
		return nil, err
	}
	g := &gazetteer{byCode: make(map[string]*Division, len(recs)), forms: make(map[string][]form, 3*len(recs))}
	divs := make([]Division, len(recs))
	for i, r := range recs {
		level := int(r[3][0] - '0')
		if len(r[0]) != 6 || level < 1 || level > 3 {
			return nil, fmt.Errorf("entity gazetteer: bad division %q", strings.Join(r, " "))
		}
		divs[i] = Division{Code: r[0], Name: r[1], Parent: r[2], Level: level}
		g.byCode[r[0]] = &divs[i]
	}
	for i := range divs {
		d := &divs[i]
		g.add(d.Name, form{div: d, full: d.Name})
		short := shortName(d.Name)
		if short != "" {
			g.add(short, form{div: d, short: true, full: d.Name})
		}
		// A county written after its province-level municipality or
		// province: 上海浦东新区 → 上海市浦东新区.
		if d.Level == 3 {
			if p := g.byCode[d.Parent]; p != nil && p.Level == 1 {
				if ps := shortName(p.Name); ps != "" {
					g.add(ps+d.Name, form{div: d, full: p.Name + d.Name})
				}
			}
		}
	}
	g.anc = make(map[*Division][]string, len(divs))
	for i := range divs {
		d := &divs[i]
		var anc []string
		// Cities without counties (东莞市, 中山市, 儋州市) are their own
		// parent in the NBS table: a division is not its own ancestor.
		for p := g.byCode[d.Parent]; p != nil && p != d && !slices.Contains(anc, p.Code); p = g.byCode[p.Parent] {
			anc = append(anc, p.Code)
		}
		g.anc[d] = anc
	}
	return g, nil
}

func (g *gazetteer) add(s string, f form) {
	g.forms[s] = append(g.forms[s], f)
}

// shortName returns the short form of a division's name (江苏省 → 江苏,
// 杜尔伯特蒙古族自治县 → 杜尔伯特), or "" when it would be shorter than two
// runes or the name has no suffix to drop.
func shortName(name string) string {
	for _, s := range shortSuffixes {
		if !strings.HasSuffix(name, s) {
			continue
		}
		short := strings.TrimSuffix(name, s)
		if strings.HasPrefix(s, "自治") {
			short = trimEthnic(short)
		}
		if utf8.RuneCountInString(short) < 2 {
			return ""
		}
		return short
	}
	return ""
}

// trimEthnic drops the ethnic names from the end of an autonomous
// division's place part: 杜尔伯特蒙古族 → 杜尔伯特, 恩施土家族苗族 → 恩施.
func trimEthnic(s string) string {
	for strings.HasSuffix(s, "族") {
		rest := strings.TrimSuffix(s, "族")
		best := ""
		for _, e := range ethnicGroups {
			if strings.HasSuffix(rest, e) && len(e) > len(best) {
				best = e
			}
		}
		if best == "" {
			return s
		}
		s = strings.TrimSuffix(rest, best)
	}
	return s
}

// ancestors returns the codes of d's parent and grandparent.
func (g *gazetteer) ancestors(d *Division) []string { return g.anc[d] }

// Lookup returns the division with the given code, or nil.
func (x *Extractor) Lookup(code string) *Division { return x.gaz.byCode[code] }

// Resolve returns the divisions a written name may stand for: 镇江 →
// 镇江市, 丹徒 → 丹徒区. Several divisions share some names (朝阳区).
func (x *Extractor) Resolve(name string) []Division {
	var out []Division
	for _, f := range x.gaz.forms[name] {
		out = append(out, *f.div)
	}
	return out
}
