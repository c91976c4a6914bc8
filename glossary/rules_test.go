package glossary

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus/cedict"
	"github.com/bitext/bitext/corpus/segment"
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
	beads, err := ReadCorpus(filepath.Join("..", "testdata", "glossary", "names.tsv"), 0)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := testExtractor(t).Extract(context.Background(), beads)
	if err != nil {
		t.Fatal(err)
	}
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
