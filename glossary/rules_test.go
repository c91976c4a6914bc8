package glossary

import (
	"reflect"
	"testing"
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
