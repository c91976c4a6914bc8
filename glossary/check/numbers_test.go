package check

import (
	"strings"
	"testing"

	"github.com/bitext/bitext/glossary"
)

func TestNumberMismatch(t *testing.T) {
	t.Parallel()
	c, err := New(nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		zh, en string
		year   int
		want   string // the zh_term of the expected number-mismatch, "" for none
	}{
		// Dates.
		{"6月17日，会议开幕。", "The meeting opened on June 17.", 0, ""},
		{"6月17日，会议开幕。", "The meeting opened on 17 June.", 0, ""},
		{"6月17日，会议开幕。", "The meeting opened on June 18.", 0, "6月17日"},
		{"2025年6月17日，会议开幕。", "The meeting opened on June 17, 2025.", 0, ""},
		{"2025年6月17日，会议开幕。", "The meeting opened on Tuesday.", 0, ""},
		{"2025年6月17日，会议开幕。", "The meeting opened on Wednesday.", 0, "2025年6月17日"},
		{"6月17日，会议开幕。", "The meeting opened on Tuesday.", 2025, ""},
		{"6月17日，会议开幕。", "The meeting opened on Monday.", 2025, "6月17日"},
		{"会议将于2025年举行。", "The meeting will be held in 2025.", 0, ""},
		{"会议将于2025年举行。", "The meeting will be held in 2026.", 0, "2025年"},
		{"星期二，会议开幕。", "The meeting opened on Tuesday.", 0, ""},
		// Percentages.
		{"增长6.5%。", "It grew 6.5 percent.", 0, ""},
		{"增长6.5%。", "It grew 6.5 per cent.", 0, ""},
		{"增长6.5%。", "It grew 6.5%.", 0, ""},
		{"增长6.5%。", "It grew 5.6 percent.", 0, "6.5%"},
		{"增长百分之五。", "It grew 5 percent.", 0, ""},
		{"增长6.5%。", "It grew 6.5 times.", 0, "6.5%"},
		// 万 and 亿.
		{"观众达12万人。", "The audience reached 120,000.", 0, ""},
		{"观众达12万人。", "The audience reached 12,000.", 0, "12万"},
		{"投资681亿元。", "It invested 68.1 billion yuan.", 0, ""},
		{"投资681亿元。", "It invested 6.81 billion yuan.", 0, "681亿"},
		{"人口1.2万亿。", "It reached 1.2 trillion.", 0, ""},
		{"培育村后备力量6.1万名。", "It trained a reserve force of 61,000.", 0, ""},
		// Plain numbers, words and ordinals.
		{"共有3000人参加。", "Some 3,000 people took part.", 0, ""},
		{"共有3000人参加。", "Some 300 people took part.", 0, "3000"},
		{"三个国家", "three countries", 0, ""},
		{"三个国家", "four countries", 0, "三"},
		{"第二届进博会", "the second CIIE", 0, ""},
		{"第二届进博会", "the 2nd CIIE", 0, ""},
		{"第二届进博会", "the third CIIE", 0, "第二"},
		{"8000余名书记", "more than 8,000 secretaries", 0, ""},
		// Numbers that are not quantities are not reported.
		{"推进一带一路建设。", "Promote the Belt and Road Initiative.", 0, ""},
		{"这十分重要。", "This is very important.", 0, ""},
		{"一些国家", "some countries", 0, ""},
		// A number left out is reported even when the target has none.
		{"已建成15个站点。", "Stations have been built.", 0, "15"},
	}
	for _, tt := range tests {
		fs := c.Check(&Input{Year: tt.year, Segments: []Segment{{Pos: 1, ZH: tt.zh, EN: tt.en}}})
		var got []string
		for _, f := range fs {
			if f.Kind == NumberMismatch {
				got = append(got, f.ZHTerm)
			}
		}
		want := []string{}
		if tt.want != "" {
			want = []string{tt.want}
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("zh %q en %q (year %d): number-mismatch on %q, want %q", tt.zh, tt.en, tt.year, got, want)
		}
	}
}

// TestNumberSlack: a number in a neighbouring target counts when the input
// allows slack.
func TestNumberSlack(t *testing.T) {
	t.Parallel()
	c, err := New(nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	segs := []Segment{{Pos: 1, ZH: "观众达12万人。", EN: "It was a large crowd."}, {Pos: 2, ZH: "很热闹。", EN: "Some 120,000 people came, and it was lively."}}
	if fs := c.Check(&Input{Segments: segs}); len(fs) != 1 || fs[0].Kind != NumberMismatch {
		t.Errorf("slack 0: %q", brief(fs))
	}
	if fs := c.Check(&Input{Segments: segs, Slack: 1}); len(fs) != 0 {
		t.Errorf("slack 1: %q", brief(fs))
	}
}

func TestDescribe(t *testing.T) {
	t.Parallel()
	c, _ := New(nil, Options{})
	fs := c.Check(&Input{Segments: []Segment{{Pos: 1, ZH: "2025年6月17日，观众达12万人，增长6.5%。", EN: "Nothing."}}})
	var got []string
	for _, f := range fs {
		got = append(got, f.Expected...)
	}
	want := "June 17, 2025 (Tuesday)|120,000|6.5%"
	if strings.Join(got, "|") != want {
		t.Errorf("expected %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestNumberFound: a finding shows the English figures of the same kind as
// what the target has instead, and marks the first of them.
func TestNumberFound(t *testing.T) {
	t.Parallel()
	c, err := New(nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	en := "Trade reached 8.6 billion U.S. dollars, up 13.5 percent year on year."
	fs := checkPairs(c, 0, "贸易额达到68亿美元，同比增长15.3%。", en)
	got := map[string]string{}
	for _, f := range fs {
		if f.Kind != NumberMismatch || f.ENSpan == nil {
			t.Fatalf("finding %+v", f)
		}
		got[f.ZHTerm] = f.Found + " @ " + en[f.ENSpan.Start:f.ENSpan.End] + " | " + f.Message
	}
	want := map[string]string{
		"68亿":   "8.6 billion @ 8.6 billion | 68亿 (6,800,000,000) has no counterpart in the translation; it has 8.6 billion",
		"15.3%": "13.5 percent @ 13.5 percent | 15.3% has no counterpart in the translation; it has 13.5 percent",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: got %q, want %q", k, got[k], w)
		}
	}
}

// TestNumberInTerm: a number inside a glossary term of the source is the
// term's, checked as a term, not a quantity (三 in 三股势力).
func TestNumberInTerm(t *testing.T) {
	t.Parallel()
	c, err := New([]glossary.Entry{{ZH: "三股势力", EN: "terrorism, separatism and extremism", Status: glossary.Approved}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		zh, en string
		want   string
	}{
		{"坚决打击“三股势力”。", "Firmly fight terrorism, separatism and extremism.", ""},
		{"坚决打击“三股势力”，抓获三人。", "Firmly fight terrorism, separatism and extremism, and arrest four.", "三"},
	} {
		var got []string
		for _, f := range c.Check(&Input{Segments: []Segment{{Pos: 1, ZH: tt.zh, EN: tt.en}}}) {
			if f.Kind == NumberMismatch {
				got = append(got, f.ZHTerm)
			}
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("zh %q en %q: number-mismatch on %q, want %q", tt.zh, tt.en, got, tt.want)
		}
	}
}
