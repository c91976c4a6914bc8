package check

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus/segment"
	"github.com/bitext/bitext/glossary"
)

// testGlossary is a small hand-written glossary in the style of Xinhua's
// house terminology.
func testGlossary() []glossary.Entry {
	return []glossary.Entry{
		{ZH: "一带一路", EN: "Belt and Road Initiative", Status: glossary.Approved},
		{ZH: "一带一路", EN: "Belt and Road", Status: glossary.Admitted},
		{ZH: "一带一路", EN: "One Belt One Road", Status: glossary.Forbidden, Comment: "superseded name"},
		{ZH: "人类命运共同体", EN: "community with a shared future for mankind", Status: glossary.Approved},
		{ZH: "命运共同体", EN: "community with a shared future"},
		{ZH: "国会", EN: "Congress", Status: glossary.Preferred},
		{ZH: "上海合作组织", EN: "Shanghai Cooperation Organization", Status: glossary.Approved},
		{ZH: "东", EN: "east"},
		{ZH: "乡村振兴", EN: "rural revitalization"},
		{ZH: "脱贫攻坚", EN: "poverty alleviation"},
		{ZH: "脱贫攻坚", EN: "fight against poverty"},
		{ZH: "新闻发布会", EN: "press conference"},
		{ZH: "新闻发布会", EN: "news conference"},
		{ZH: "中国共产党", EN: "Communist Party of China"},
		{ZH: "中国共产党", EN: "Chinese Communist Party", Status: glossary.Rejected},
		{ZH: "全国人大", EN: "NPC", CaseSensitive: true},
		{ZH: "", EN: "Red China", Status: glossary.Forbidden},
		{ZH: "试点", EN: "pilot", Status: glossary.New},
	}
}

func newTestChecker(t testing.TB) *Checker {
	t.Helper()
	c, err := New(testGlossary(), Options{NoNumbers: true})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// brief is a finding in a form tests can compare: "kind zh_term|found".
func brief(fs []Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%d %s %s", f.Segment, f.Kind, f.Term()))
	}
	return out
}

func checkPairs(c *Checker, slack int, pairs ...string) []Finding {
	in := &Input{Name: "t.tsv", Slack: slack}
	for i := 0; i+1 < len(pairs); i += 2 {
		in.Segments = append(in.Segments, Segment{Pos: i/2 + 1, Line: i/2 + 1, ZH: pairs[i], EN: pairs[i+1]})
	}
	return c.Check(in)
}

func TestCheckTerms(t *testing.T) {
	t.Parallel()
	c := newTestChecker(t)
	tests := []struct {
		name   string
		zh, en string
		want   []string
	}{
		{"accepted", "推进一带一路建设。", "Promote the Belt and Road Initiative.", nil},
		{"admitted alternative", "推进一带一路建设。", "Promote Belt and Road cooperation.", nil},
		{"missing", "推进一带一路建设。", "Promote the Silk Road project.", []string{"1 missing-term 一带一路"}},
		{"forbidden with zh term", "推进一带一路建设。", "Promote One Belt One Road.",
			[]string{"1 missing-term 一带一路", "1 forbidden-term One Belt One Road"}},
		{"forbidden without zh term", "他说。", "He mentioned the One Belt One Road plan.",
			[]string{"1 forbidden-term One Belt One Road"}},
		{"forbidden without any zh term entry", "他说。", "So-called Red China.", []string{"1 forbidden-term Red China"}},
		{"plural", "建设乡村振兴示范区", "building rural revitalizations zones", nil},
		{"capitalised", "乡村振兴", "Rural Revitalization", nil},
		{"hyphenated", "乡村振兴", "a rural-revitalization drive", nil},
		{"UK spelling", "乡村振兴", "rural revitalisation", nil},
		{"dash", "乡村振兴", "rural–revitalization", nil},
		{"leading article in entry and text", "中国共产党", "the Communist Party of China's leadership", nil},
		{"rejected alternative is not accepted", "中国共产党", "the Chinese Communist Party", []string{"1 missing-term 中国共产党"}},
		{"new entry ignored", "试点", "a trial", nil},
		{"longest match first", "构建人类命运共同体", "build a community with a shared future for mankind", nil},
		{"longest match missing reports the long term", "构建人类命运共同体", "build a community with a shared future",
			[]string{"1 missing-term 人类命运共同体"}},
		{"shorter term alone", "命运共同体", "a community with a shared future", nil},
		{"word boundary: 国会 inside 中国会展中心", "他在中国会展中心发言。", "He spoke at the China Convention Centre.", nil},
		{"word boundary: 国会 in 美国国会议员", "美国国会议员访华。", "US members of Parliament visit China.",
			[]string{"1 missing-term 国会"}},
		{"whole words: east in Easter", "东", "It happened at Easter.", []string{"1 missing-term 东"}},
		{"whole words: east", "东", "It happened in the east.", nil},
		{"Traditional source", "推進一帶一路建設。", "Promote the Belt and Road Initiative.", nil},
		{"Traditional source missing", "推進一帶一路建設。", "Promote it.", []string{"1 missing-term 一帶一路"}},
		{"case-sensitive entry", "全国人大", "the npc", []string{"1 missing-term 全国人大"}},
		{"case-sensitive entry matches", "全国人大", "the NPC's session", nil},
		{"untranslated", "乡村振兴", "rural revitalization 乡村 plan", []string{"1 untranslated 乡村"}},
		{"full-width source", "新闻发布会", "at a news conference", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := brief(checkPairs(c, 0, tt.zh, tt.en))
			if tt.want == nil {
				tt.want = []string{}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("zh %q en %q:\n got %q\nwant %q", tt.zh, tt.en, got, tt.want)
			}
		})
	}
}

func TestAbbreviation(t *testing.T) {
	t.Parallel()
	c := newTestChecker(t)
	fs := checkPairs(c, 0,
		"上海合作组织峰会", "The Shanghai Cooperation Organization (SCO) summit",
		"上海合作组织成员国", "SCO member states",
		"上海合作组织秘书处", "the SCO's secretariat",
	)
	if got := brief(fs); len(got) != 0 {
		t.Errorf("abbreviation not accepted: %q", got)
	}
	// Before it is introduced, the abbreviation does not count.
	fs = checkPairs(c, 0,
		"上海合作组织成员国", "SCO member states",
		"上海合作组织峰会", "The Shanghai Cooperation Organization (SCO) summit",
	)
	if got, want := brief(fs), []string{"1 missing-term 上海合作组织"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestInconsistent(t *testing.T) {
	t.Parallel()
	c := newTestChecker(t)
	fs := checkPairs(c, 0,
		"新闻发布会", "at a press conference",
		"新闻发布会上", "at the press conference",
		"在新闻发布会上", "at a news conference",
	)
	if got, want := brief(fs), []string{"3 inconsistent-term 新闻发布会"}; !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	f := fs[0]
	if f.Found != "news conference" || !slices.Equal(f.Expected, []string{"press conference"}) || f.Severity != Warning {
		t.Errorf("finding %+v", f)
	}
	// Plural and capitalised forms of one rendering are the same rendering.
	fs = checkPairs(c, 0, "新闻发布会", "Press Conferences", "新闻发布会", "a press conference")
	if got := brief(fs); len(got) != 0 {
		t.Errorf("got %q", got)
	}
}

// TestNeighbourSlack: with two aligned documents a rendering one bead off
// counts, so a misalignment does not produce missing-term.
func TestNeighbourSlack(t *testing.T) {
	t.Parallel()
	c := newTestChecker(t)
	pairs := []string{
		"推进一带一路建设。", "They spoke.",
		"双方表示赞同。", "Both promoted the Belt and Road Initiative and agreed.",
		"会议结束。", "The meeting ended.",
		"乡村振兴很重要。", "It matters.",
	}
	if got, want := brief(checkPairs(c, 0, pairs...)), []string{"1 missing-term 一带一路", "4 missing-term 乡村振兴"}; !slices.Equal(got, want) {
		t.Errorf("slack 0: got %q, want %q", got, want)
	}
	if got, want := brief(checkPairs(c, 1, pairs...)), []string{"4 missing-term 乡村振兴"}; !slices.Equal(got, want) {
		t.Errorf("slack 1: got %q, want %q", got, want)
	}
}

func TestNoTarget(t *testing.T) {
	t.Parallel()
	c := newTestChecker(t)
	in := &Input{Segments: []Segment{{Pos: 1, ZH: "推进一带一路建设。", NoTarget: true}, {Pos: 2, ZH: "推进一带一路建设。"}}}
	if fs := c.Check(in); len(fs) != 0 {
		t.Errorf("segments without a translation checked: %q", brief(fs))
	}
}

func TestNewErrors(t *testing.T) {
	t.Parallel()
	for _, e := range []glossary.Entry{
		{ZH: "一带一路", EN: " "},
		{ZH: "", EN: "Belt and Road"},
		{ZH: "一带一路", EN: "Belt", Status: "bogus"},
		{ZH: "一带一路", EN: "()"},
	} {
		if _, err := New([]glossary.Entry{e}, Options{}); err == nil {
			t.Errorf("%+v: no error", e)
		} else if !strings.Contains(err.Error(), "entry 1") {
			t.Errorf("%+v: error %q does not name the entry", e, err)
		}
	}
	both := []glossary.Entry{
		{ZH: "一带一路", EN: "Belt and Road", Status: glossary.Approved},
		{ZH: "一带一路", EN: "belt and road", Status: glossary.Forbidden},
	}
	if _, err := New(both, Options{}); err == nil || !strings.Contains(err.Error(), "entries 1 and 2") {
		t.Errorf("a rendering both approved and forbidden: %v", err)
	}
}

// TestInconsistentAdmitted: an admitted rendering is a variant for a
// context and never makes a text inconsistent; documents are separate.
func TestInconsistentAdmitted(t *testing.T) {
	t.Parallel()
	c := newTestChecker(t)
	// 一带一路: "Belt and Road Initiative" approved, "Belt and Road" admitted.
	fs := checkPairs(c, 0,
		"一带一路", "the Belt and Road Initiative",
		"一带一路", "the Belt and Road Initiative",
		"一带一路合作", "Belt and Road cooperation",
	)
	if got := brief(fs); len(got) != 0 {
		t.Errorf("admitted rendering reported: %q", got)
	}
	// Two approved renderings, in two documents: consistent within each.
	in := &Input{Segments: []Segment{
		{Pos: 1, Doc: "a", ZH: "新闻发布会", EN: "a press conference"},
		{Pos: 2, Doc: "a", ZH: "新闻发布会", EN: "the press conference"},
		{Pos: 3, Doc: "b", ZH: "新闻发布会", EN: "a news conference"},
	}}
	if got := brief(c.Check(in)); len(got) != 0 {
		t.Errorf("documents mixed: %q", got)
	}
	in.Segments[2].Doc = "a"
	if got, want := brief(c.Check(in)), []string{"3 inconsistent-term 新闻发布会"}; !slices.Equal(got, want) {
		t.Errorf("one document: got %q, want %q", got, want)
	}
}

// TestAbbreviationPerDocument: an abbreviation introduced in one document
// does not count in the next.
func TestAbbreviationPerDocument(t *testing.T) {
	t.Parallel()
	c := newTestChecker(t)
	in := &Input{Segments: []Segment{
		{Pos: 1, Doc: "a", ZH: "上海合作组织峰会", EN: "The Shanghai Cooperation Organization (SCO) summit"},
		{Pos: 2, Doc: "b", ZH: "上海合作组织成员国", EN: "SCO member states"},
	}}
	if got, want := brief(c.Check(in)), []string{"2 missing-term 上海合作组织"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestSegmenterBoundaries: with a gse segmenter the rule is that no word of
// the segmentation straddles a term's edge; a compound that holds the term
// whole (美国国会) does not stop it.
func TestSegmenterBoundaries(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the gse dictionary")
	}
	t.Parallel()
	base := newTestChecker(t)
	seg, err := segment.New(base.Terms(), false)
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(testGlossary(), Options{Segmenter: seg, NoNumbers: true})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		zh, en string
		want   []string
	}{
		{"他在中国会展中心发言。", "He spoke at the China Convention Centre.", nil},
		{"美国国会议员访华。", "US members of Parliament visit China.", []string{"1 missing-term 国会"}},
		{"美国国会议员访华。", "Members of the US Congress visit China.", nil},
		{"构建人类命运共同体", "build a community with a shared future", []string{"1 missing-term 人类命运共同体"}},
	}
	for _, tt := range tests {
		got := brief(checkPairs(c, 0, tt.zh, tt.en))
		if tt.want == nil {
			tt.want = []string{}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("zh %q en %q: got %q, want %q", tt.zh, tt.en, got, tt.want)
		}
	}
}

// TestMissingOncePerSegment: a term named twice and rendered nowhere is one
// finding.
func TestMissingOncePerSegment(t *testing.T) {
	t.Parallel()
	c := newTestChecker(t)
	fs := checkPairs(c, 0, "乡村振兴，乡村振兴。", "Rural renewal, again.")
	if got, want := brief(fs), []string{"1 missing-term 乡村振兴"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestIrregularNumber: plurals the stemmer does not fold are matched both
// ways, glossary singular and text plural or the reverse.
func TestIrregularNumber(t *testing.T) {
	t.Parallel()
	c, err := New([]glossary.Entry{
		{ZH: "叶子", EN: "leaf"}, {ZH: "基础", EN: "basis"}, {ZH: "刺激措施", EN: "stimulus"},
		{ZH: "指数", EN: "price index"}, {ZH: "校车", EN: "school bus"}, {ZH: "狼群", EN: "wolves"},
		{ZH: "分析", EN: "analysis"}, {ZH: "危机", EN: "crisis"},
	}, Options{NoNumbers: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range [][2]string{
		{"叶子", "the leaves"}, {"基础", "on several bases"}, {"刺激措施", "new stimuli"},
		{"指数", "price indices"}, {"校车", "school buses"}, {"狼群", "a wolf"},
		{"分析", "the analyses"}, {"危机", "two crises"},
	} {
		if got := brief(checkPairs(c, 0, p[0], p[1])); len(got) != 0 {
			t.Errorf("%s / %q: %q", p[0], p[1], got)
		}
	}
	if got := brief(checkPairs(c, 0, "校车", "the school bust")); len(got) != 1 {
		t.Errorf("bust matched bus: %q", got)
	}
}
