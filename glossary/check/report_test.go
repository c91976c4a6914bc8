package check

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/bitext/bitext/glossary"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestReportGolden checks a small review batch end to end: a hand-made
// OmegaT glossary read by package glossary, segments read by ReadTSV, and
// both reports, against testdata/check/report.txtar (-update rewrites its
// want.* files).
func TestReportGolden(t *testing.T) {
	t.Parallel()
	path := filepath.Join("..", "..", "testdata", "check", "report.txtar")
	files := readTxtar(t, path)
	entries, err := glossary.Read(strings.NewReader(files["glossary.tsv"]), "glossary.tsv")
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(entries, Options{})
	if err != nil {
		t.Fatal(err)
	}
	segs, err := ReadTSV(strings.NewReader(files["review.tsv"]), "review.tsv")
	if err != nil {
		t.Fatal(err)
	}
	in := &Input{Name: "review.tsv", Segments: segs}
	fs := c.Check(in)
	var sum Summary
	sum.AddInput(in)
	sum.Add(fs)
	var text, js bytes.Buffer
	if err := WriteText(&text, fs, sum); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&js, fs, sum); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{"want.txt": text.String(), "want.json": js.String()}
	if *update {
		for k, v := range got {
			files[k] = v
		}
		if err := os.WriteFile(path, []byte(formatTxtar(files, []string{"glossary.tsv", "review.tsv", "want.txt", "want.json"})), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, name := range []string{"want.txt", "want.json"} {
		if got[name] != files[name] {
			t.Errorf("%s differs (run go test -update to accept):\n%s", name, lineDiff(files[name], got[name]))
		}
	}
}

// formatTxtar writes files in order, with the archive's comment first.
func formatTxtar(files map[string]string, order []string) string {
	var b strings.Builder
	b.WriteString(files[""])
	var rest []string
	for k := range files {
		if k != "" && !slices.Contains(order, k) {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	for _, k := range append(append([]string(nil), order...), rest...) {
		b.WriteString("-- " + k + " --\n")
		b.WriteString(files[k])
	}
	return b.String()
}

// lineDiff shows the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  want " + wl + "\n   got " + gl + "\n")
			shown++
		}
	}
	return b.String()
}

func TestLocation(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		f    Finding
		want string
	}{
		{Finding{File: "s.tsv", Line: 3, Segment: 3}, "s.tsv:3"},
		{Finding{File: "a.zh", Line: 1, Segment: 1, ID: "bead 1-1"}, "a.zh:1: segment 1 (bead 1-1)"},
		{Finding{File: "a.zh", Line: 3, Segment: 2, ID: "bead 1-1"}, "a.zh:3: segment 2 (bead 1-1)"},
		{Finding{File: "m.tmx", Line: 9, Segment: 2}, "m.tmx:9: segment 2"},
		{Finding{Segment: 4}, "<input>: segment 4"},
	} {
		if got := Location(&tt.f); got != tt.want {
			t.Errorf("Location(%+v) = %q, want %q", tt.f, got, tt.want)
		}
	}
}
