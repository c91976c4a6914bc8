package corpus

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/corpus")

// testdataDir holds the golden files of this package.
var testdataDir = filepath.Join("..", "testdata", "corpus")

// archive is a txtar archive: a comment and named files, each introduced by
// a line "-- name --".
type archive struct {
	comment string
	files   []archiveFile
}

type archiveFile struct {
	name string
	data string
}

func parseArchive(data string) archive {
	var a archive
	cur := -1
	for _, line := range strings.SplitAfter(data, "\n") {
		t := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") && len(t) > 6 {
			a.files = append(a.files, archiveFile{name: strings.TrimSpace(t[3 : len(t)-3])})
			cur = len(a.files) - 1
			continue
		}
		if cur < 0 {
			a.comment += line
		} else {
			a.files[cur].data += line
		}
	}
	return a
}

func (a *archive) file(name string) (string, bool) {
	for _, f := range a.files {
		if f.name == name {
			return f.data, true
		}
	}
	return "", false
}

func (a *archive) set(name, data string) {
	for i := range a.files {
		if a.files[i].name == name {
			a.files[i].data = data
			return
		}
	}
	a.files = append(a.files, archiveFile{name, data})
}

func (a *archive) format() string {
	var b strings.Builder
	b.WriteString(a.comment)
	for _, f := range a.files {
		fmt.Fprintf(&b, "-- %s --\n%s", f.name, f.data)
		if f.data != "" && !strings.HasSuffix(f.data, "\n") {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// dump renders documents for golden files: metadata, then one line per
// sentence (language, paragraph, kind, byte span, text) with its clauses
// on an indented line.
func dump(docs ...*Document) string {
	var b strings.Builder
	for _, d := range docs {
		fmt.Fprintf(&b, "# %s document, %d sentences\n", d.Lang, len(d.Sentences))
		keys := make([]string, 0, len(d.Meta))
		for k := range d.Meta {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "meta %s=%s\n", k, d.Meta[k])
		}
		for _, s := range d.Sentences {
			fmt.Fprintf(&b, "%s %d %-8s [%d:%d] %s\n", s.Lang, s.Para, s.Kind, s.Start, s.End, oneLineText(s.Text))
			if s.Clauses != nil {
				parts := make([]string, len(s.Clauses))
				for i, c := range s.Clauses {
					parts[i] = oneLineText(s.Text[c.Start:c.End])
				}
				fmt.Fprintf(&b, "\tclauses: %s\n", strings.Join(parts, " ‖ "))
			}
		}
	}
	return b.String()
}

func oneLineText(s string) string {
	return strings.NewReplacer("\r", `\r`, "\n", `\n`).Replace(s)
}

// checkGolden compares got with the golden file at path, or rewrites it
// under -update.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update rewrites it):\n%s", path, lineDiff(string(want), got))
	}
}

// lineDiff lists the lines that differ between want and got.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b bytes.Buffer
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %s\n  got  %s\n", i+1, wl, gl)
		}
	}
	return b.String()
}

// TestReadGolden reads every archive in testdata/corpus/read: its "input"
// file with the options in "options" (format=, lang=, encoding=,
// bilingual), against "want".
func TestReadGolden(t *testing.T) {
	t.Parallel()
	paths, err := filepath.Glob(filepath.Join(testdataDir, "read", "*.txtar"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden archives: %v", err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			a := parseArchive(string(data))
			input, ok := a.file("input")
			if !ok {
				t.Fatal("no input file")
			}
			opts, _ := a.file("options")
			opt, bilingual := parseTestOptions(t, opts)
			var got string
			if bilingual {
				zh, en, err := ReadBilingual(strings.NewReader(input), "input", opt)
				got = dumpOrError(err, zh, en)
			} else {
				doc, err := Read(strings.NewReader(input), "input", opt)
				got = dumpOrError(err, doc)
			}
			if *update {
				a.set("want", got)
				if err := os.WriteFile(path, []byte(a.format()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want, _ := a.file("want"); got != want {
				t.Errorf("differs (go test -update rewrites it):\n%s", lineDiff(want, got))
			}
		})
	}
}

func dumpOrError(err error, docs ...*Document) string {
	if err != nil {
		return "error: " + err.Error() + "\n"
	}
	return dump(docs...)
}

func parseTestOptions(t *testing.T, s string) (ReadOptions, bool) {
	var opt ReadOptions
	bilingual := false
	for _, f := range strings.Fields(s) {
		k, v, _ := strings.Cut(f, "=")
		switch k {
		case "format":
			opt.Format = Format(v)
		case "lang":
			opt.Lang = Lang(v)
		case "encoding":
			opt.Encoding = v
		case "bilingual":
			bilingual = true
		default:
			t.Fatalf("unknown option %q", f)
		}
	}
	return opt, bilingual
}

// TestSeedGolden reads the two seed articles and compares them with their
// golden renderings.
func TestSeedGolden(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		file      string
		bilingual bool
	}{
		{"000_bc30676eec7b3701.txt", false},
		{"001_ac1a7e75099f8e09.txt", true},
	} {
		path := filepath.Join(testdataDir, c.file)
		var got string
		if c.bilingual {
			zh, en, err := ReadBilingualFile(path, ReadOptions{Format: FormatBilingual})
			got = dumpOrError(err, zh, en)
		} else {
			doc, err := ReadFile(path, ReadOptions{})
			got = dumpOrError(err, doc)
		}
		checkGolden(t, strings.TrimSuffix(path, ".txt")+".golden", got)
	}
}
