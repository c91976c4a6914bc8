package align

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
)

// TestSeedPair checks the acceptance points of the real Xinhua seed pair
// in ../shared/seeds (skipped when absent): the sentence ending in
// 打击“三股势力” gets the four English sentences that render it, each
// caption and credit its caption, Rahmon's remarks and the stray English
// paragraph at the top are left unaligned, and the titles are paired.
func TestSeedPair(t *testing.T) {
	m, _ := filepath.Glob(filepath.Join("..", "..", "shared", "seeds", "001_*.txt"))
	if len(m) == 0 {
		t.Skip("no seed pair in ../shared/seeds")
	}
	zd, ed, err := corpus.ReadBilingualFile(m[0], corpus.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	zh, en := zd.Sentences, ed.Sentences
	beads, err := (&Aligner{}).Align(zh, en)
	if err != nil {
		t.Fatal(err)
	}
	beadOf := func(side string, ids func(Bead) []int, k int) Bead {
		for _, b := range beads {
			if slices.Contains(ids(b), k) {
				return b
			}
		}
		t.Fatalf("%s sentence %d in no bead", side, k)
		return Bead{}
	}
	beadOfZH := func(s int) Bead { return beadOf("Chinese", func(b Bead) []int { return b.ZH }, s) }
	beadOfEN := func(e int) Bead { return beadOf("English", func(b Bead) []int { return b.EN }, e) }
	findZH := func(pred func(string) bool) []int {
		var out []int
		for i, s := range zh {
			if pred(s.Text) {
				out = append(out, i)
			}
		}
		return out
	}
	findEN := func(prefix string) int {
		for i, s := range en {
			if strings.HasPrefix(s.Text, prefix) {
				return i
			}
		}
		t.Fatalf("no English sentence starts with %q", prefix)
		return -1
	}

	// 打击“三股势力” → the four English sentences rendering it.
	three := findZH(func(s string) bool { return strings.HasSuffix(strings.TrimRight(s, "。"), "打击“三股势力”") })
	if len(three) != 1 {
		t.Fatalf("sentences ending in 打击“三股势力”: %v", three)
	}
	first, last := findEN("China and Tajikistan should give full play"), -1
	for i, s := range en {
		if strings.HasSuffix(s.Text, "terrorism, separatism and extremism.") {
			last = i
		}
	}
	want := Bead{ZH: three, EN: []int{first, first + 1, first + 2, first + 3}}
	if last != first+3 {
		t.Fatalf("the rendering runs from English %d to %d, want four sentences", first, last)
	}
	if got := beadOfZH(three[0]); FormatBead(got) != FormatBead(want) {
		t.Errorf("三股势力 sentence: bead %s, want %s", FormatBead(got), FormatBead(want))
	}

	// Captions and credits go with English captions only.
	for i, s := range zh {
		if s.Kind != corpus.Caption {
			continue
		}
		b := beadOfZH(i)
		if len(b.EN) == 0 {
			t.Errorf("caption %d (%.20s) unaligned", i, s.Text)
		}
		for _, e := range b.EN {
			if en[e].Kind != corpus.Caption {
				t.Errorf("caption %d (%.20s) paired with English %s sentence %d", i, s.Text, en[e].Kind, e)
			}
		}
		for _, z := range b.ZH {
			if zh[z].Kind != corpus.Caption {
				t.Errorf("caption %d shares bead %s with a %s", i, FormatBead(b), zh[z].Kind)
			}
		}
	}

	// Rahmon's remarks (his paragraph) have no English.
	rahmon := findZH(func(s string) bool { return strings.HasPrefix(s, "拉赫蒙表示") })
	if len(rahmon) != 1 {
		t.Fatalf("sentences starting 拉赫蒙表示: %v", rahmon)
	}
	for i, s := range zh {
		if s.Para == zh[rahmon[0]].Para {
			if b := beadOfZH(i); len(b.EN) != 0 {
				t.Errorf("Rahmon's remarks: sentence %d in bead %s", i, FormatBead(b))
			}
		}
	}

	// The stray English paragraph before the title is left out, and the
	// titles are paired.
	title := findEN("Xi calls on China, Tajikistan")
	for e := range title {
		if b := beadOfEN(e); len(b.ZH) != 0 {
			t.Errorf("stray English sentence %d in bead %s", e, FormatBead(b))
		}
	}
	if b := beadOfEN(title); FormatBead(b) != FormatBead(Bead{ZH: []int{0}, EN: []int{title}}) {
		t.Errorf("English title in bead %s, want [0]:[%d]", FormatBead(b), title)
	}
}
