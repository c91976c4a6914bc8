package align

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
)

func TestQuoteStarts(t *testing.T) {
	tests := []struct {
		name    string
		chinese bool
		lines   []string
		want    string // per sentence and after the last: . outside, o opens, i inside; empty: no dialogue hints
	}{
		{"british dialogue", false, []string{
			"'No more for today!",
			"Tomorrow, if you like.",
			"But I don't see the point!'",
			"Trinket was not having this; the boys' room was empty.",
			"'I won a dozen taels,' replied Trinket.",
			"'But I—'",
			"He called it 'the Palace' and left.",
		}, "oii.oo.."},
		{"american dialogue", false, []string{
			`"Ah, makes sense.`,
			`But you must know the 'embers' theory?"`,
			`"That's enough," Sha said.`,
			`He said: "Go—"`,
			`Then he left.`,
		}, "oio..."},
		{"curly quotes", false, []string{
			"“Ah, makes sense.",
			"But you don’t know?”",
			"He left.",
		}, "oi.."},
		{"chinese", true, []string{
			"小玄子摇手笑道：“今天不打了，明天再来。",
			"不过你不是我对手，再打也没用。”",
			"韦小宝不服气。",
			"他说：「好。", // corner marks are inner ones where “” are outer
			"走吧。」",
		}, ".i...."},
		{"elisions are not quotations", false, []string{
			"'No more!'",
			"He grew up in the '90s and told 'em so.",
			"It was hard.",
			"'Go,' she said.",
		}, "o..o."},
		{"possessives and 'n' do not close", false, []string{
			"'The boys' room is empty.",
			"We loved rock 'n' roll.",
			"Nobody came.'",
			"He left.",
		}, "oii.."},
		{"a line that opens a quotation opens it", false, []string{
			"'Where are you going?",
			"I asked.",
			"'Home,' she said.",
		}, "oio."},
		{"nested chinese quotations", true, []string{
			"「他說“好”。",
			"我們走吧。」",
			"他走了。",
			"他說：「再見。」",
		}, "oi..."},
		{"a speech over paragraphs opens again without closing", true, []string{
			"他说：“第一。",
			"“第二。",
			"第三。”",
			"他走了。",
		}, ".oi.."},
		{"apostrophes only", false, []string{
			"Trinket's friends didn't come.",
			"The boys' room was empty.",
		}, ""},
		{"one quoted phrase in a long story", true, append([]string{"他说“好”。"}, slices.Repeat([]string{"他走了。"}, 30)...), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ss []corpus.Sentence
			for _, l := range tt.lines {
				ss = append(ss, corpus.Sentence{Text: l})
			}
			var got string
			for _, q := range quoteStarts(ss, tt.chinese) {
				got += string(".oi"[q])
			}
			if got != tt.want {
				t.Errorf("quoteStarts = %v, want %v", got, tt.want)
			}
		})
	}
}

func FuzzQuoteStarts(f *testing.F) {
	f.Add("'No more!\nTomorrow.'\nHe left.", false)
	f.Add("他说：“好。\n走吧。”", true)
	f.Add("\"Go—\"\n''x'\n’", false)
	f.Fuzz(func(t *testing.T, text string, chinese bool) {
		var ss []corpus.Sentence
		for _, l := range strings.Split(text, "\n") {
			ss = append(ss, corpus.Sentence{Text: l})
		}
		q := quoteStarts(ss, chinese)
		if q != nil && (len(q) != len(ss)+1 || q[0] == quoteInside) {
			t.Fatalf("quoteStarts(%q) = %v: want nil or %d states starting outside", text, q, len(ss)+1)
		}
	})
}

func TestQuoteClash(t *testing.T) {
	tests := []struct {
		a, b uint8
		want bool
	}{
		{quoteOutside, quoteOutside, false},
		{quoteInside, quoteInside, false},
		{quoteOutside, quoteInside, true},
		{quoteInside, quoteOutside, true},
		{quoteOpens, quoteInside, false},
		{quoteOpens, quoteOutside, false},
		{quoteInside, quoteOpens, false},
		{quoteOpens, quoteOpens, false},
	}
	for _, tt := range tests {
		if got := quoteClash(tt.a, tt.b); got != tt.want {
			t.Errorf("quoteClash(%d, %d) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestQuoteCost checks that a 1-1 bead whose sides' quote states clash
// costs exactly Quote more than the same bead without hints, and that
// Quote 0 turns the hint off.
func TestQuoteCost(t *testing.T) {
	var zh, en []corpus.Sentence
	for i := range 20 {
		zh = append(zh, corpus.Sentence{Text: "他说：“我们走吧。"})
		en = append(en, corpus.Sentence{Text: "'Let us go.'"})
		if i%2 == 1 {
			zh[i].Text = "天黑了。”"
			en[i].Text = "It was dark."
		}
	}
	a := &Aligner{}
	for _, quote := range []float64{0, weightQuote} {
		w := DefaultWeights()
		w.Quote = quote
		lex := a.lexicon(&w)
		hinted := newScorer(newFeatures(zh, en, lex, nil, &w, true), DefaultTypes, &w)
		plain := newScorer(newFeatures(zh, en, lex, nil, &w, false), DefaultTypes, &w)
		if hinted.f.zquote == nil {
			t.Fatal("no quote states")
		}
		one := slices.Index(DefaultTypes, BeadType{1, 1})
		// zh 1 starts inside the quotation zh 0 opened; en 1 outside
		got := hinted.cost(1, 1, one) - plain.cost(1, 1, one)
		if math.Abs(got-quote) > 1e-9 {
			t.Errorf("Quote %v: clash costs %v more, want %v", quote, got, quote)
		}
		// zh 0 and en 0 both open a quotation
		if got := hinted.cost(0, 0, one) - plain.cost(0, 0, one); math.Abs(got) > 1e-9 {
			t.Errorf("Quote %v: agreeing bead costs %v more, want 0", quote, got)
		}
	}
}
