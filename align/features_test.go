package align

import (
	"slices"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus/norm"
	"github.com/bitext/bitext/corpus/numbers"
)

// TestNumberKeys checks the keys a Chinese number or date is matched by:
// a date with a year is also the date without it, and a day without its
// month (23日) is also the ordinal English writes for it ("the 23rd").
func TestNumberKeys(t *testing.T) {
	tests := []struct {
		zh, en string
		match  bool
	}{
		{"汇价23日升破7.0大关", "rose above 7.0 on the 23rd", true},
		{"24日至25日", "on the 24th and 25th", true},
		{"2020年7月26日", "on July 26", true},
		{"7月26日", "on July 26th, 2020", true}, // the year the Chinese leaves out
		{"7月26日", "the 26th", false},          // a month and day is not a bare day
		{"第23届", "the 23rd session", true},
		{"23日", "23 people", false},
	}
	for _, tt := range tests {
		var zk, ek []string
		for _, v := range numbers.Chinese(tt.zh) {
			zk = appendNumberKeys(zk, v)
		}
		for _, v := range numbers.English(tt.en) {
			ek = appendNumberKeys(ek, v)
		}
		got := slices.ContainsFunc(zk, func(k string) bool { return slices.Contains(ek, k) })
		if got != tt.match {
			t.Errorf("%s ↔ %s: match %v, want %v (keys %q, %q)", tt.zh, tt.en, got, tt.match, strings.Join(zk, " "), strings.Join(ek, " "))
		}
	}
}

// TestNameKeys checks the name keys of English text: runs of up to three
// capitalised words, a possessive ending the name.
func TestNameKeys(t *testing.T) {
	tests := []struct {
		en   string
		want []string
	}{
		{"She turned to Zhou Rui's wife.", []string{"zhou", "zhourui"}},
		{"Yu Zhan'ao's head", []string{"yuzhanao", "zhanao"}},
		{"the boys' Kong Lingqiang Said", []string{"kong", "konglingqiang", "konglingqiangsaid", "lingqiang", "lingqiangsaid", "said"}},
		{"Wang Xi-feng had on", []string{"wang", "wangxifeng", "xifeng"}},
	}
	l := newLexicon(nil, nil)
	for _, tt := range tests {
		var got []string
		for _, k := range l.englishKeys(tt.en) {
			if name, ok := strings.CutPrefix(k, namePrefix); ok {
				got = append(got, name)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: name keys %q, want %q", tt.en, got, tt.want)
		}
	}
}

// TestAnchorKeys checks the punctuation anchors two sides share.
func TestAnchorKeys(t *testing.T) {
	tests := []struct {
		zh, en string
		key    string
		match  bool
	}{
		{"韦小宝道：“不过…… 不过……”", "'But I... I—'", keyEllipsis, true},
		{"我…… 我头痛", "I . . . I've got this headache", keyEllipsis, true},
		{"我⋯⋯我頭痛", "I... I've got this headache", keyEllipsis, true},
		{"价格是3.5元", "the price was 3.5 yuan", keyEllipsis, false},
		{"他笑道：“好。”", "'Good,' he laughed.", keyQuote, true},
		{"他笑道：“好。”", "Trinket's friends didn't come.", keyQuote, false},
		{"这是为什么？", "Why is that?", keyQuestion, true},
	}
	l := newLexicon(CEDICT(), nil)
	for _, tt := range tests {
		zh := slices.ContainsFunc(l.chineseTokens(norm.Fold(tt.zh)), func(tk zhToken) bool { return tk.text == tt.key })
		en := slices.Contains(l.englishKeys(tt.en), tt.key)
		if got := zh && en; got != tt.match {
			t.Errorf("%s ↔ %s: %q on the Chinese side %v, the English %v; want a match %v", tt.zh, tt.en, tt.key, zh, en, tt.match)
		}
	}
}
