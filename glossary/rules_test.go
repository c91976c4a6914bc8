package glossary

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bitext/bitext/corpus/cedict"
	"github.com/bitext/bitext/corpus/norm"
	"github.com/bitext/bitext/corpus/segment"
	"github.com/bitext/bitext/corpus/tm"
)

// Table tests of the candidate and linking predicates, on examples of our
// own (Xinhua-style news), not on any evaluation text.

func TestMergeIntoZero(t *testing.T) {
	t.Parallel()
	x := testExtractor(t)
	beads := xinhua(t)
	whole := x.CountTerms(beads)
	var tc TermCounts
	tc.Merge(whole)
	if !reflect.DeepEqual(&tc, whole) {
		t.Error("TermCounts merged into the zero value differ")
	}
	v := x.Vocabulary(whole)
	pw := x.CountPairs(beads, v)
	var pc PairCounts
	pc.Merge(pw)
	if !reflect.DeepEqual(&pc, pw) {
		t.Error("PairCounts merged into the zero value differ")
	}
}

// chunkTexts returns the words of each English chunk of text.
func chunkTexts(text string) [][]string {
	var out [][]string
	for _, ch := range enChunks(text) {
		var ws []string
		for _, w := range ch {
			ws = append(ws, w.Text)
		}
		out = append(out, ws)
	}
	return out
}

func TestSerialPart(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text string
		want [][]string
	}{
		// "No." of a serial number joins the chunk…
		{"the Resolution (No. 2) Measures 2021", [][]string{{"the", "Resolution", "No", "2", "Measures", "2021"}}},
		// …while the determiner "no" ending a sentence does not.
		{"They said no. 2 days later talks resumed", [][]string{{"They", "said", "no"}, {"2", "days", "later", "talks", "resumed"}}},
	} {
		if got := chunkTexts(tc.text); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("enChunks(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
	ws := enChunks("Anti-Dumping Regulation (No. 2) 2021")[0]
	for j, want := range []bool{false, false, true, true, false} {
		if got := serialPart(ws, j); got != want {
			t.Errorf("serialPart(%q) = %v, want %v", ws[j].Text, got, want)
		}
	}
}

// cutText returns the refined tokens of the chunks of a Chinese text,
// joined by "/".
func cutText(t *testing.T, text string) string {
	t.Helper()
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	dict := cedict.Load()
	var out []string
	for _, ch := range zhChunks(text, seg) {
		for _, tok := range refineTokens(ch, dict) {
			out = append(out, tok.text)
		}
	}
	return strings.Join(out, "/")
}

func TestRecut(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ text, want string }{
		// 峰/会上 is recut; the segmenter's own 中华人民共和国, longer than
		// maxRecutWord, stays whole in the same run.
		{"中华人民共和国主席在峰会上指出", "中华人民共和国/主席/在/峰会/上/指出"},
		// Runs the segmenter cut well stay as they are, compounds the
		// dictionary lacks (对外开放, 基本国策) included.
		{"中国坚持对外开放基本国策", "中国/坚持/对外开放/基本国策"},
		{"国家主席习近平出席中亚峰会", "国家/主席/习近平/出席/中亚/峰会"},
	} {
		if got := cutText(t, tc.text); got != tc.want {
			t.Errorf("%s: cut %s, want %s", tc.text, got, tc.want)
		}
	}
}

func TestPieceCost(t *testing.T) {
	t.Parallel()
	dict := cedict.Load()
	for _, tc := range []struct {
		piece string
		want  int
	}{
		{"峰会", 0},   // a dictionary word
		{"上", 0},    // a lone function character
		{"峰", 1},    // a lone character
		{"对外开放", 0}, // a compound of dictionary words
		{"会上发", 1},  // a piece across a word boundary
		{"托卡耶夫", 1}, // a name the dictionary lacks
	} {
		if got := pieceCost(tc.piece, dict); got != tc.want {
			t.Errorf("pieceCost(%s) = %d, want %d", tc.piece, got, tc.want)
		}
	}
}

// cutKey is the candidate key of a Chinese text cut as the extractor cuts it.
func cutKey(t *testing.T, text string) string {
	t.Helper()
	return strings.ReplaceAll(cutText(t, text), "/", zhSep)
}

func TestClause(t *testing.T) {
	t.Parallel()
	lx := newLexicon(cedict.Load(), nil, nil, nil, nil)
	for _, tc := range []struct {
		zh   string
		want bool
	}{
		{"代表团访问期间会见当地华侨代表", true}, // subject, verb, object
		{"峰会期间会见塔吉克斯坦总统", true},
		// Names with a verb inside end in the head of a name.
		{"上海合作组织成员国元首理事会", false},
		{"支付系统及储值支付工具条例", false},
		{"储值支付工具发行人", false},
		{"人类命运共同体", false},
	} {
		if got := lx.clause(cutKey(t, tc.zh)); got != tc.want {
			t.Errorf("clause(%s) = %v, want %v (tokens %s)", tc.zh, got, tc.want, cutText(t, tc.zh))
		}
	}
}

func TestIsTitleCase(t *testing.T) {
	t.Parallel()
	for en, want := range map[string]bool{
		"SCO Council of Heads of State":                   true,
		"Thousand Talents Plan":                           true,
		"Mohammed":                                        true,
		"meets with Tajik President Emomali Rahmon":       false,
		"Tajik President Emomali Rahmon on the sidelines": false,
		"Council of":                                      false,
		"":                                                false,
	} {
		if got := isTitleCase(en); got != want {
			t.Errorf("isTitleCase(%q) = %v, want %v", en, got, want)
		}
	}
}

func TestPastForm(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		key  string
		surf map[string]int32
		want bool
	}{
		{"mohammed", map[string]int32{"Mohammed": 4}, false}, // a name
		{"alfred", map[string]int32{"Alfred": 2}, false},
		{"revised", map[string]int32{"Revised": 3, "revised": 1}, true}, // also in lower case
		{"deployed", map[string]int32{"deployed": 2}, true},
		{"strongly", map[string]int32{"strongly": 2}, true},
		{"speed", map[string]int32{"speed": 2}, false},
		{"revised rule", map[string]int32{"revised rules": 2}, false}, // not one word
		{"ipo", map[string]int32{"IPO": 2}, false},
	} {
		if got := pastForm(tc.key, tc.surf); got != tc.want {
			t.Errorf("pastForm(%q, %v) = %v, want %v", tc.key, tc.surf, got, tc.want)
		}
	}
}

func TestIsAmountWord(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		word, prev string
		want       bool
	}{
		{"billion", "18", true},
		{"billion", "rmb18", true},
		{"hundred", "two", true},
		{"thousand", "several", true},
		{"rmb18", "", true},
		{"thousand", "", false},   // Thousand Talents Plan
		{"hundred", "the", false}, // the Hundred Regiments Offensive
		{"million", "a", false},
		{"rmb", "", false},
	} {
		if got := isAmountWord(tc.word, tc.prev); got != tc.want {
			t.Errorf("isAmountWord(%q, %q) = %v, want %v", tc.word, tc.prev, got, tc.want)
		}
	}
}

// TestNamesFixture: names and official titles of our own Xinhua-style
// text that earlier, narrower rules lost: a capitalised name ending in
// "-ed", a name starting with a scale word, an organisation's name holding
// a verb.
func TestNamesFixture(t *testing.T) {
	t.Parallel()
	_, entries := extractFixture(t, "names.tsv")
	for _, want := range []struct{ zh, en string }{
		{"穆罕默德", "Mohammed"},
		{"千人计划", "Thousand Talents Plan"},
		{"上海合作组织成员国元首理事会", "SCO Council of Heads of State"},
	} {
		e := find(entries, want.zh)
		switch {
		case e == nil:
			t.Errorf("%s: missing", want.zh)
		case e.EN != want.en:
			t.Errorf("%s ↔ %q, want %q", want.zh, e.EN, want.en)
		case e.Score < find(entries, "中国").Score:
			t.Errorf("%s ↔ %s scores %v, below 中国 ↔ China", want.zh, e.EN, e.Score)
		}
	}
	for _, e := range entries {
		if strings.EqualFold(e.EN, "revised") || strings.Contains(strings.ToLower(e.EN), "billion") {
			t.Errorf("%s ↔ %s: a past form or an amount", e.ZH, e.EN)
		}
	}
}

func TestSelectTermsExactClosed(t *testing.T) {
	t.Parallel()
	terms := func(keys []string, term []bool) map[string]bool {
		m := make(map[string]bool)
		for i, k := range keys {
			m[k] = term[i]
		}
		return m
	}
	// English: twice before the same word is enough, unless a name.
	en := map[string]int32{
		"high-speed": 2, "high-speed rail": 2,
		"free trade": 2, "free trade zone": 2,
		"belt and road": 2, "belt and road cooperation": 2,
		"connectivity": 3, "connectivity project": 1,
	}
	names := map[string]int32{"belt and road": 2}
	keys, _, term, _ := selectTerms(en, 1, " ", func(s string) string { return s }, minExactClosedEN, names)
	got := terms(keys, term)
	for k, want := range map[string]bool{"high-speed rail": true, "free trade zone": true, "belt and road": true, "connectivity": true} {
		if got[k] != want {
			t.Errorf("en %q: term %v, want %v", k, got[k], want)
		}
	}
	for _, k := range []string{"high-speed", "free trade"} {
		if got[k] {
			t.Errorf("en %q is a term; it always precedes the same noun", k)
		}
	}
	// Chinese: four times before the same word, not three.
	zh := func(n int32) map[string]int32 {
		return map[string]int32{"三股": n, "三股" + zhSep + "势力": n, "互联互通": n, "互联互通" + zhSep + "建设": n}
	}
	keys, _, term, _ = selectTerms(zh(4), 1, zhSep, zhConcat, minExactClosed, nil)
	if got := terms(keys, term); got["三股"] || got["互联互通"] {
		t.Errorf("four times before the same word: %v, want no single-word terms", got)
	}
	keys, _, term, _ = selectTerms(zh(3), 1, zhSep, zhConcat, minExactClosed, nil)
	if got := terms(keys, term); !got["三股"] || !got["互联互通"] {
		t.Errorf("three times before the same word: %v, want both terms (chance)", got)
	}
}

// enSurfaces returns the surfaces of the English candidates of text that
// are not name fragments.
func enSurfaces(text string) map[string]bool {
	out := make(map[string]bool)
	base := 0
	for _, ch := range enChunks(text) {
		for _, c := range enCandidates(nil, text, ch, base) {
			if !c.fragment {
				out[c.surface] = true
			}
		}
		base += len(ch)
	}
	return out
}

func TestENCandidates(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text     string
		want, no []string
	}{
		{ // commas in a coordination
			"They vowed to fight terrorism, separatism and extremism together.",
			[]string{"terrorism, separatism and extremism", "terrorism", "extremism"},
			[]string{"terrorism, separatism", "separatism and"},
		},
		{ // one "and" without commas joins two items, not three
			"Exports of machinery and electronics and textiles rose.",
			[]string{"machinery and electronics", "electronics and textiles"},
			[]string{"machinery and electronics and textiles"},
		},
		{ // "in the" is context
			"the largest port in the world",
			[]string{"port"},
			[]string{"port in the world"},
		},
		{ // a possessive ends a name; the name after it is whole
			"China's Foreign Ministry spokesperson said",
			[]string{"Foreign Ministry", "Foreign Ministry spokesperson"},
			[]string{"Ministry", "China's Foreign"},
		},
		{ // amounts and scale words
			"The Thousand Talents Plan cost 18 billion yuan.",
			[]string{"Thousand Talents Plan"},
			[]string{"billion yuan", "18 billion yuan"},
		},
		{ // a name joined by "and": no candidate starts or ends inside it
			"the Belt and Road Initiative was launched",
			[]string{"Belt and Road Initiative"},
			[]string{"Road Initiative", "Belt and Road"},
		},
		{ // lower-case past forms end no candidate
			"the measures deployed by the government",
			[]string{"measures"},
			[]string{"measures deployed"},
		},
	} {
		got := enSurfaces(tc.text)
		for _, w := range tc.want {
			if !got[w] {
				t.Errorf("%q: no candidate %q (have %v)", tc.text, w, got)
			}
		}
		for _, w := range tc.no {
			if got[w] {
				t.Errorf("%q: candidate %q", tc.text, w)
			}
		}
	}
}

func TestIsOrdinal(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{"第二": true, "第3": true, "第二十四": true, "第二届": false, "二": false, "第": false} {
		if got := isOrdinal(s); got != want {
			t.Errorf("isOrdinal(%s) = %v, want %v", s, got, want)
		}
	}
}

func TestLooksAcronym(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{"SCO": true, "SMEs": true, "CIIE": true, "Sco": false, "e-commerce": false, "G20": false} {
		if got := mostlyCapitals(s); got != want {
			t.Errorf("mostlyCapitals(%s) = %v, want %v", s, got, want)
		}
	}
	for s, want := range map[string]bool{"SCO": true, "G20": true, "SMEs": false, "A": false, "2G": false} {
		if got := isAcronym(s); got != want {
			t.Errorf("isAcronym(%s) = %v, want %v", s, got, want)
		}
	}
}

func TestNestingHelpers(t *testing.T) {
	t.Parallel()
	k := func(toks ...string) string { return strings.Join(toks, zhSep) }
	if got := zhRest(k("亚洲", "基础设施", "投资", "银行"), "基础设施投资银行"); !reflect.DeepEqual(got, []string{"亚洲"}) {
		t.Errorf("zhRest = %q, want [亚洲]", got)
	}
	if got := zhRest(k("国家", "统计", "局"), "国家统计"); !reflect.DeepEqual(got, []string{"局"}) {
		t.Errorf("zhRest = %q, want [局]", got)
	}
	if got := enRest("china international import expo", "international import expo"); got != "china" {
		t.Errorf("enRest = %q, want china", got)
	}
	if got := enRest("import expo", "port"); got != "import expo" {
		t.Errorf("enRest matched inside a word: %q", got)
	}
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"《政府工作报告》", "政府工作报告", true},
		{"政府工作报告", "《政府工作报告》", true},
		{"政府工作报告", "政府工作报告", false},
		{"《政府工作报告》", "工作报告", false},
	} {
		if got := sameTitle(tc.a, tc.b); got != tc.want {
			t.Errorf("sameTitle(%s, %s) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
	for _, tc := range []struct {
		outer, inner string
		want         bool
	}{
		{"中国国际进口博览会（进博会）", "中国国际进口博览会", true},
		{"中国国际进口博览会(进博会)", "中国国际进口博览会", true},
		{"中国国际进口博览会", "国际进口博览会", false},
	} {
		if got := bracketTail(tc.outer, tc.inner); got != tc.want {
			t.Errorf("bracketTail(%s, %s) = %v, want %v", tc.outer, tc.inner, got, tc.want)
		}
	}
}

func TestModifiers(t *testing.T) {
	t.Parallel()
	lx := newLexicon(cedict.Load(), nil, nil, nil, nil)
	for _, tc := range []struct {
		outer, inner, en string
		noVerbs          bool
		want             bool
	}{
		{"亚洲基础设施投资银行", "基础设施投资银行", "asian infrastructure investment bank", true, true},
		{"国家统计局", "国家统计", "national bureau of statistics", true, true},         // a lone head after
		{"中方继续加强互联互通", "互联互通", "connectivity", false, false},                   // function words
		{"第三届进博会", "进博会", "ciie", false, false},                                // an ordinal
		{"大银行", "银行", "bank", false, false},                                    // a lone character before
		{"跨境支付系统", "系统", "cross-border interbank payment system", true, false}, // a verb, few pairs
		{"跨境支付系统", "系统", "cross-border interbank payment system", false, true}, // a verb, many pairs
		{"进博会", "博览会", "expo", false, false},                                   // not inside
		{"国家统计局局长", "国家统计局", "national bureau of statistics", false, false},    // 局长 is "director"
	} {
		if got := modifiers(cutKey(t, tc.outer), tc.inner, tc.en, lx, tc.noVerbs); got != tc.want {
			t.Errorf("modifiers(%s, %s, noVerbs %v) = %v, want %v (tokens %s)", tc.outer, tc.inner, tc.noVerbs, got, tc.want, cutText(t, tc.outer))
		}
	}
}

func TestSubKeys(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		key  string
		want []string
	}{
		// on the right, function words at the new edge go too
		{"community with a shared future", []string{"", "community with a shared"}},
		{"community with a shared", []string{"", "community"}},
		// a complement joined by a function word is no extension on the left
		{"member state of the sco", []string{"state of the sco", "member state"}},
		{"state of the sco", []string{"", "state"}},
		// a bracketed short form at the end is no extension
		{"中国" + zhSep + "国际" + zhSep + "进口博览会" + zhSep + "（进博会）", []string{"国际" + zhSep + "进口博览会" + zhSep + "（进博会）"}},
		{"sco", nil},
	} {
		sep := " "
		if strings.Contains(tc.key, zhSep) {
			sep = zhSep
		}
		if got := subKeys(tc.key, sep); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("subKeys(%q) = %q, want %q", tc.key, got, tc.want)
		}
	}
}

func TestDisplayEN(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		surf map[string]int32
		want string
	}{
		// the most frequent form ignoring case, in its most frequent casing
		{map[string]int32{"free trade zone": 3, "Free trade zone": 2, "Free trade zones": 4}, "free trade zone"},
		{map[string]int32{"Belt and Road": 5, "belt and road": 1}, "Belt and Road"},
		// ties: the shorter
		{map[string]int32{"free trade zones": 2, "free trade zone": 2}, "free trade zone"},
	} {
		if got := displayEN(tc.surf); got != tc.want {
			t.Errorf("displayEN(%v) = %q, want %q", tc.surf, got, tc.want)
		}
	}
}

var update = flag.Bool("update", false, "rewrite the golden files in testdata/glossary")

// readArchive reads a txtar archive: a comment, then files each introduced
// by a line "-- NAME --".
func readArchive(t *testing.T, path string) (comment string, files map[string]string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	files = make(map[string]string)
	name := ""
	var b strings.Builder
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if n, ok := strings.CutPrefix(strings.TrimRight(line, "\n"), "-- "); ok && strings.HasSuffix(n, " --") {
			if name == "" {
				comment = b.String()
			} else {
				files[name] = b.String()
			}
			name = strings.TrimSuffix(n, " --")
			b.Reset()
			continue
		}
		b.WriteString(line)
	}
	files[name] = b.String()
	return comment, files
}

// TestLinkingGolden runs the extractor on testdata/glossary/linking.txtar's
// corpus and compares the entries with its want section.
func TestLinkingGolden(t *testing.T) {
	t.Parallel()
	path := filepath.Join("..", "testdata", "glossary", "linking.txtar")
	comment, files := readArchive(t, path)
	beads, err := ReadUnits(strings.NewReader(files["corpus.tsv"]), "corpus.tsv", tm.TSV, 0)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := testExtractor(t).Extract(context.Background(), beads)
	if err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	for _, e := range entries {
		fmt.Fprintf(&got, "%s\t%s\t%d\t%d\n", e.ZH, e.EN, e.ZHFreq, e.PairFreq)
	}
	if *update {
		out := comment + "-- corpus.tsv --\n" + files["corpus.tsv"] + "-- want --\n" + got.String()
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got.String() != files["want"] {
		t.Errorf("%s: entries differ (go test -update rewrites the file)\ngot:\n%s\nwant:\n%s", path, got.String(), files["want"])
	}
}

func TestPartial(t *testing.T) {
	t.Parallel()
	lx := newLexicon(cedict.Load(), nil, nil, nil, nil)
	for _, tc := range []struct {
		zh, en string
		zc     float64
		want   bool
	}{
		{"合资公司", "joint", 0.5, true}, // 合资 is "joint venture": the English goes on
		{"养老金制度", "pension", 0.5, true},
		{"合资公司", "joint", wholeCover, false},  // covers the whole
		{"合资公司", "joint venture", 0.5, false}, // several English words
		{"电子商务", "e-commerce", 0.5, false},    // a word no part is glossed with
		{"企业", "enterprise", 0.5, false},      // one Chinese word
	} {
		if got := lx.partial(cutKey(t, tc.zh), tc.en, tc.zc); got != tc.want {
			t.Errorf("partial(%s, %q, %v) = %v, want %v (tokens %s)", tc.zh, tc.en, tc.zc, got, tc.want, cutText(t, tc.zh))
		}
	}
}

func TestNameEnd(t *testing.T) {
	t.Parallel()
	text := "Belt and Road cooperation has deepened"
	ends := make(map[string]bool)
	for _, ch := range enChunks(text) {
		for _, c := range enCandidates(nil, text, ch, 0) {
			ends[c.surface] = c.nameEnd
		}
	}
	for s, want := range map[string]bool{"Belt and Road": true, "Belt and Road cooperation": false, "cooperation": false} {
		if got, ok := ends[s]; !ok || got != want {
			t.Errorf("%q: candidate %v, nameEnd %v, want a candidate with nameEnd %v", s, ok, got, want)
		}
	}
}

// TestFairsFixture: short names ending in 会 (a fair; also the modal
// "will") come out whole on our own Xinhua-style text, and no candidate
// ends in the modal 会 (他们会继续合作).
func TestFairsFixture(t *testing.T) {
	t.Parallel()
	beads, entries := extractFixture(t, "fairs.tsv")
	wantPairs(t, entries, [][2]string{
		{"进博会", "CIIE"},
		{"广交会", "Canton Fair"},
		{"中国国际进口博览会", "China International Import Expo"},
	})
	for _, e := range entries {
		if e.ZH == "进博" {
			t.Errorf("进博 ↔ %s: a fragment of 进博会", e.EN)
		}
	}
	// No candidate ends in the modal 会, whatever it pairs with.
	x := testExtractor(t)
	for _, b := range beads {
		for _, ch := range zhChunks(b.ZH, x.Segmenter) {
			toks := refineTokens(ch, x.Dict)
			for _, c := range zhCandidates(nil, b.ZH, toks, 0) {
				if strings.HasSuffix(c.surface, "会") && !strings.HasSuffix(c.surface, "进博会") &&
					!strings.HasSuffix(c.surface, "广交会") && !strings.HasSuffix(c.surface, "博览会") {
					t.Errorf("%s: candidate %s ends in the modal 会", b.ZH, c.surface)
				}
			}
		}
	}
}

// TestNameHeads: a short name ending in a head character that is also a
// function word (会, 所) is one token however the segmenter cut it; the
// modal 会 stays alone.
func TestNameHeads(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ text, want string }{
		{"第六届进博会将于11月举行", "第六届/进博会/将/于/11/月/举行"}, // 进/博会
		{"本届进博会上", "本届/进博会/上"},                   // 进博/会上
		{"北京服贸会期间", "北京/服贸会/期间"},                 // recut leaves 服贸会
		{"首届链博会在京开幕", "首届/链博会/在京开幕"},
		{"上交所", "上交所"},
		{"他们会继续合作", "他们/会/继续/合作"},
		{"中俄会继续合作", "中俄/会/继续/合作"}, // an abbreviation, then an adverb
		{"中国会加强合作", "中国/会/加强/合作"}, // a word, then a verb
		{"企业会更加重视", "企业/会/更加/重视"},
		{"他们所做的", "他们/所/做/的"},
	} {
		if got := cutText(t, tc.text); got != tc.want {
			t.Errorf("%s: cut %s, want %s", tc.text, got, tc.want)
		}
	}
}

// extractFixture reads testdata/glossary/name and extracts its entries.
func extractFixture(t *testing.T, name string) ([]Bead, []Entry) {
	t.Helper()
	beads, err := ReadCorpus(filepath.Join("..", "testdata", "glossary", name), 0)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := testExtractor(t).Extract(context.Background(), beads)
	if err != nil {
		t.Fatal(err)
	}
	return beads, entries
}

// TestVerdict: what the dictionary says of a pair, on our own Xinhua-style
// text (testdata/glossary/dictionary.tsv).
func TestVerdict(t *testing.T) {
	t.Parallel()
	x := testExtractor(t)
	beads, err := ReadCorpus(filepath.Join("..", "testdata", "glossary", "dictionary.tsv"), 0)
	if err != nil {
		t.Fatal(err)
	}
	v := x.Vocabulary(x.CountTerms(beads))
	lx := newLexicon(x.Dict, v, x.CountPairs(beads, v), v.ZHFreq, v.ENFreq)
	for _, tc := range []struct {
		zh, en string
		want   verdict
	}{
		{"当地时间", "local time", agrees},
		{"当地时间", "meeting", contradicts}, // "local time" is in two units of three
		{"一道", "ready", unrelated},       // "together" is in none
		{"一道", "work together", agrees},
		{"租金", "office rental", agrees},                   // "rent": a word near "rental"
		{"澜湄合作", "Lancang-Mekong Cooperation", noVerdict}, // a name in title case
		{"澜湄合作", "fruitful results", unrelated},           // 合作 is "cooperation"
		{"纽约", "NY", noVerdict},                           // an acronym
	} {
		z, ok := v.zhID[norm.Fold(tc.zh)]
		if !ok {
			t.Errorf("%s: not in the vocabulary", tc.zh)
			continue
		}
		if got := lx.verdict(z, norm.TermKey(tc.en), tc.en, 2); got != tc.want {
			t.Errorf("verdict(%s, %q) = %d, want %d", tc.zh, tc.en, got, tc.want)
		}
	}
	for zh, want := range map[string]bool{"一道": true, "中方": true, "当地时间": true, "互联互通": false, "组织成员国": false, "澜湄合作": false} {
		if got := lx.generalWord(cutKey(t, zh)); got != want {
			t.Errorf("generalWord(%s) = %v, want %v (tokens %s)", zh, got, want, cutText(t, zh))
		}
	}
}

func TestNearWord(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"tax", "taxation", true},       // opens it
		{"rent", "rental", true},        // opens it
		{"state", "misstatement", true}, // inside it
		{"strategy", "strategic", true}, // same stem
		{"ready", "together", false},
		{"art", "part", false}, // three letters inside a word are chance
		{"local", "sidelines", false},
	} {
		if got := nearWord(tc.a, tc.b); got != tc.want {
			t.Errorf("nearWord(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := nearWord(tc.b, tc.a); got != tc.want {
			t.Errorf("nearWord(%q, %q) = %v, want %v", tc.b, tc.a, got, tc.want)
		}
	}
}

// TestDictionaryFixture: on testdata/glossary/dictionary.tsv the English
// is not cut inside what the dictionary gives for the whole term, and a
// single general word rendered unlike any of its glosses (一道 ↔ "ready")
// ranks below the multi-word terms.
func TestDictionaryFixture(t *testing.T) {
	t.Parallel()
	_, entries := extractFixture(t, "dictionary.tsv")
	wantPairs(t, entries, [][2]string{
		{"全面战略合作伙伴关系", "comprehensive strategic partnership"}, // one unit of three says "cooperative partnership"
		{"战略合作伙伴关系", "strategic partnership"},
	})
	for _, e := range entries {
		if e.ZH == "全面战略合作伙伴" || e.ZH == "战略合作伙伴" {
			t.Errorf("%s ↔ %s: a fragment of 全面战略合作伙伴关系", e.ZH, e.EN)
		}
	}
	general, term := find(entries, "一道"), find(entries, "战略合作伙伴关系")
	if general == nil || term == nil || general.Score >= term.Score {
		t.Errorf("一道 %+v should rank below 战略合作伙伴关系 %+v", general, term)
	}
}

// wantPairs reports each Chinese term of pairs missing from entries or
// rendered otherwise.
func wantPairs(t *testing.T, entries []Entry, pairs [][2]string) {
	t.Helper()
	for _, p := range pairs {
		if e := find(entries, p[0]); e == nil {
			t.Errorf("%s: missing", p[0])
		} else if e.EN != p[1] {
			t.Errorf("%s ↔ %q, want %q", p[0], e.EN, p[1])
		}
	}
}

// TestGroupEnd: a quoted term is one group token, a quoted question or
// exclamation (half- or full-width) is speech, not a term.
func TestGroupEnd(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text  string
		group bool
	}{
		{"打击“三股势力”。", true},
		{"「你今天要去哪裡?」媽媽問道", false},
		{"「你今天要去哪裡？」媽媽問道", false},
		{"「快走!」他說", false},
		{"《外商投资法（草案）》", true},
	} {
		open := strings.IndexAny(tc.text, "“「《")
		r, size := utf8.DecodeRuneInString(tc.text[open:])
		closer, max := groupCloser(r)
		if got := groupEnd(tc.text, open+size, closer, max) > 0; got != tc.group {
			t.Errorf("%s: a group %v, want %v", tc.text, got, tc.group)
		}
	}
}
