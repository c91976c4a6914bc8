package align

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
)

func TestLoadDict(t *testing.T) {
	t.Parallel()
	in := "\ufeffzh\ten\n# comment\n\n塔吉克斯坦\tTajikistan\n中国文化日\tChinese Culture Day | China Culture Day\t5\textra\n塔吉克斯坦\tTajikistan\n"
	l, err := LoadDict(strings.NewReader(in), "g.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if l.Len() != 2 {
		t.Fatalf("Len = %d, want 2", l.Len())
	}
	if got := l.glosses("中国文化日"); !slices.Equal(got, []string{"Chinese Culture Day", "China Culture Day"}) {
		t.Errorf("glosses = %q", got)
	}
	if n := l.longestAt("在中国文化日上", len("在")); n != len("中国文化日") {
		t.Errorf("longestAt = %d", n)
	}
}

func TestLoadDictErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"中国\tChina\n塔吉克斯坦 Tajikistan\n", "d.tsv:2"},
		{"中国\tChina\nChina\tZhongguo\n", "d.tsv:2"},
		{"中国\t\n", "d.tsv:1"},
		{"中国\tChina\n\xff\xfe\tx\n", "d.tsv:2"},
	} {
		_, err := LoadDict(strings.NewReader(tc.in), "d.tsv")
		var pe *corpus.ParseError
		if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), tc.want+":") {
			t.Errorf("LoadDict(%q) = %v, want a ParseError at %s", tc.in, err, tc.want)
		}
	}
}

func FuzzLoadDict(f *testing.F) {
	f.Add("中国\tChina\n# c\n塔吉克斯坦\tTajikistan | Tajik\n")
	f.Add("zh\ten\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		l, err := LoadDict(strings.NewReader(in), "f.tsv")
		if err != nil {
			var pe *corpus.ParseError
			if !errors.As(err, &pe) || pe.File != "f.tsv" || pe.Line < 1 {
				t.Fatalf("error %v is not a positioned ParseError", err)
			}
			return
		}
		for _, zh := range sortedKeys(l.entries) {
			if zh == "" || len(l.entries[zh]) == 0 {
				t.Fatalf("empty entry %q", zh)
			}
		}
	})
}

func TestReadBeads(t *testing.T) {
	t.Parallel()
	in := "# gold\n[0,1]:[0]\n[ 2 ] : [1, 2]\n3:\n:[3]\n\n"
	beads, err := ReadBeads(strings.NewReader(in), "g.align", 4, 4)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range beads {
		got = append(got, FormatBead(b))
	}
	if want := []string{"[0,1]:[0]", "[2]:[1,2]", "[3]:[]", "[]:[3]"}; !slices.Equal(got, want) {
		t.Errorf("beads %q, want %q", got, want)
	}
	for _, bad := range []string{"[0]-[1]\n", "[0]:[1]:[2]\n", "[a]:[1]\n", "[0,,1]:[2]\n", "[0]:[9]\n", "[1:[\n", "[0]:1]\n", "[]:[]\n", "[0,0]:[1]\n"} {
		if _, err := ReadBeads(strings.NewReader(bad), "g.align", 4, 4); err == nil || !strings.HasPrefix(err.Error(), "g.align:1:") {
			t.Errorf("ReadBeads(%q) = %v, want an error at g.align:1", bad, err)
		}
	}
	// a gold file that does not fit its documents
	for _, tc := range []struct{ in, where, what string }{
		{"[0]:[0]\n[0]:[]\n[1,2,3]:[1,2,3]\n", "g.align:2:", "already in the bead of line 1"},
		{"[0]:[0]\n", "g.align:1:", "Chinese sentence 1 is in no bead"},
		{"[0,1,2,3]:[0,1,2]\n", "g.align:1:", "English sentence 3 is in no bead"},
	} {
		_, err := ReadBeads(strings.NewReader(tc.in), "g.align", 4, 4)
		if err == nil || !strings.HasPrefix(err.Error(), tc.where) || !strings.Contains(err.Error(), tc.what) {
			t.Errorf("ReadBeads(%q) = %v, want an error at %s saying %q", tc.in, err, tc.where, tc.what)
		}
	}
}

func FuzzReadBeads(f *testing.F) {
	f.Add("[0,1]:[0]\n[2]:[]\n")
	f.Add("3:4\n# x\n")
	f.Fuzz(func(t *testing.T, in string) {
		beads, err := ReadBeads(strings.NewReader(in), "f", -1, -1)
		if err != nil {
			return
		}
		for _, b := range beads {
			again, err := ReadBeads(strings.NewReader(FormatBead(b)), "f", -1, -1)
			if err != nil || len(again) != 1 || !slices.Equal(again[0].ZH, b.ZH) || !slices.Equal(again[0].EN, b.EN) {
				t.Fatalf("round trip of %v: %v %v", b, again, err)
			}
		}
	})
}

// TestScoreDefinitions recomputes the hand-worked example of
// score_alignment.py's self test.
func TestScoreDefinitions(t *testing.T) {
	t.Parallel()
	read := func(s string) []Bead {
		b, err := ReadBeads(strings.NewReader(s), "t", -1, -1)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	gold := read("[0]:[0]\n[1,2]:[1]\n[3]:[2,3]\n[4]:[]\n[5]:[4]\n[]:[5]\n[6]:[6]\n")
	pred := read("[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[2,3]\n[4,5]:[4]\n[]:[5]\n[6]:[7]\n")
	var c Counts
	c.Add(gold, pred)
	s := c.Scores()
	near := func(name string, got, want float64) {
		if d := got - want; d > 1e-12 || d < -1e-12 {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	near("P strict", s.PStrict, 3.0/7)
	near("P lax", s.PLax, 5.0/7)
	near("R strict", s.RStrict, 2.0/5)
	near("R lax", s.RLax, 4.0/5)
	if c.GoldType["1-1"] != 3 || c.GoldTypeStrict["1-1"] != 1 || c.GoldTypeLax["1-1"] != 2 || c.GoldTypeStrict["0-1"] != 1 || c.GoldTypeStrict["1-0"] != 0 {
		t.Errorf("per type counts %v %v %v", c.GoldType, c.GoldTypeStrict, c.GoldTypeLax)
	}
}
