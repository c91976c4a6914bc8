package align

import (
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
			"他说：「好。",
			"走吧。」",
		}, ".i..i."},
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
