package glossary

import (
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
