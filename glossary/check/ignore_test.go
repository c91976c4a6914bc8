package check

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
)

func TestIgnore(t *testing.T) {
	t.Parallel()
	c := newTestChecker(t)
	fs := checkPairs(c, 0,
		"推进一带一路建设。", "Promote One Belt One Road.",
		"乡村振兴", "rural renewal",
		"他说。", "So-called Red China.",
	)
	if len(fs) != 4 {
		t.Fatalf("findings %q", brief(fs))
	}
	// The JSON report dismisses its findings, wherever the segments move.
	var buf bytes.Buffer
	if err := WriteJSON(&buf, fs[:2], Summary{}); err != nil {
		t.Fatal(err)
	}
	ig, err := ReadIgnore(&buf, "report.json")
	if err != nil {
		t.Fatal(err)
	}
	moved := checkPairs(c, 0,
		"新的一句。", "A new sentence.",
		"推进一带一路建设。", "Promote One Belt One Road.",
		"乡村振兴", "rural renewal",
		"他说。", "So-called Red China.",
	)
	kept, n := ig.Filter(moved)
	if got, want := brief(kept), []string{"3 missing-term 乡村振兴", "4 forbidden-term Red China"}; n != 2 || strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("JSON ignore: dismissed %d, kept %q, want %q", n, got, want)
	}
	// TSV: kind, term, segment text (the English when there is no Chinese).
	tsv := "# dismissed\n\nmissing-term\t乡村振兴\t乡村振兴\nforbidden-term\tRed China\t他说。\n"
	ig, err = ReadIgnore(strings.NewReader(tsv), "ignore.tsv")
	if err != nil {
		t.Fatal(err)
	}
	kept, n = ig.Filter(fs)
	if got := brief(kept); n != 2 || len(got) != 2 || ig.Len() != 2 {
		t.Errorf("TSV ignore: dismissed %d, kept %q", n, got)
	}
	// A finding whose segment text changed comes back.
	if ig.Has(&Finding{Kind: MissingTerm, ZHTerm: "乡村振兴", ZH: "实施乡村振兴"}) {
		t.Error("dismissal matched another segment")
	}
}

func TestReadIgnoreErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"missing-term\t乡村振兴\n", "ignore:1: syntax error: want kind<TAB>term<TAB>segment text"},
		{"# c\nno-such-kind\tx\ty\n", "ignore:2:1: syntax error: unknown finding kind"},
		{"{\n  \"findings\": [\n    {\"kind\": }\n]}", "ignore:3:"},
		{"{\n  \"findings\": 5}", `ignore:2:16: syntax error: field "findings": want an array, got number`},
	}
	for _, tt := range tests {
		_, err := ReadIgnore(strings.NewReader(tt.in), "ignore")
		if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, corpus.ErrSyntax) {
			t.Errorf("%q: error %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestReadTSV(t *testing.T) {
	t.Parallel()
	segs, err := ReadTSV(strings.NewReader("\xEF\xBB\xBF# header\n一\tone\n\n二\t two \tscore\r\n三\t\n"), "s.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want := []Segment{{Pos: 2, Line: 2, ZH: "一", EN: "one"}, {Pos: 4, Line: 4, ZH: "二", EN: "two"}, {Pos: 5, Line: 5, ZH: "三", NoTarget: true}}
	if len(segs) != len(want) {
		t.Fatalf("got %+v", segs)
	}
	for i := range want {
		if segs[i] != want[i] {
			t.Errorf("segment %d: got %+v, want %+v", i, segs[i], want[i])
		}
	}
	for _, bad := range []struct{ in, want string }{
		{"一\tone\ntwo\n", "s.tsv:2: syntax error: no tab"},
		{"# only a comment\n", "s.tsv: empty input"},
	} {
		if _, err := ReadTSV(strings.NewReader(bad.in), "s.tsv"); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%q: error %v, want %q", bad.in, err, bad.want)
		}
	}
}

func FuzzReadTSV(f *testing.F) {
	f.Add("一\tone\n二\ttwo\n")
	f.Add("#x\n\n三\t\n")
	f.Fuzz(func(t *testing.T, in string) {
		segs, err := ReadTSV(strings.NewReader(in), "f.tsv")
		if err != nil {
			mustParseError(t, err, "f.tsv")
			return
		}
		for i, s := range segs {
			if s.Pos != s.Line || i > 0 && s.Pos <= segs[i-1].Pos {
				t.Fatalf("positions out of order: %+v", segs)
			}
		}
	})
}

func FuzzReadIgnore(f *testing.F) {
	f.Add("missing-term\t乡村振兴\t乡村振兴\n")
	f.Add(`{"findings":[{"kind":"untranslated","found":"节","zh":"","en":"Easter 节"}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		ig, err := ReadIgnore(strings.NewReader(in), "f")
		if err != nil {
			mustParseError(t, err, "f")
			return
		}
		_ = ig.Has(&Finding{Kind: MissingTerm})
	})
}

// mustParseError fails unless err is a *corpus.ParseError naming file.
func mustParseError(t *testing.T, err error, file string) {
	t.Helper()
	var pe *corpus.ParseError
	if !errors.As(err, &pe) || pe.File != file {
		t.Fatalf("error %v is not a ParseError naming %s", err, file)
	}
}

// TestReadIgnoreBinary: a binary file is refused with a one-line error
// naming the file, not quoted back.
func TestReadIgnoreBinary(t *testing.T) {
	t.Parallel()
	_, err := ReadIgnore(strings.NewReader("\x7fELF\x02\x01\x01\x00\x00\x00\x00binary"), "ls")
	if !errors.Is(err, corpus.ErrBinary) || !strings.HasPrefix(err.Error(), "ls") || len(err.Error()) > 200 {
		t.Errorf("binary ignore file: %v", err)
	}
	if ig, err := ReadIgnore(strings.NewReader(""), "empty"); err != nil || ig == nil {
		t.Errorf("empty ignore file: %v", err)
	}
}
