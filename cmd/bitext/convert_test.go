package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus/tm"
)

const tmTestdata = "../../testdata/tm"

// TestConvertRoundTrip: TMX → TSV → TMX and TMX → JSONL → TMX keep the
// units; with all TSV columns the TMX comes back byte for byte.
func TestConvertRoundTrip(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(tmTestdata, "writer.golden.tmx")
	orig := readTMX(t, in)
	for _, tc := range []struct {
		mid   string
		flags []string
		exact bool
	}{
		{"mid.tsv", []string{"--columns", "zh,en,id,doc,bead,confidence"}, false},
		{"plain.tsv", nil, false},
		{"mid.jsonl", nil, false},
	} {
		mid := filepath.Join(dir, tc.mid)
		back := filepath.Join(dir, tc.mid+".tmx")
		if code, _, stderr := runCLI(t, "", append(append([]string{"convert"}, tc.flags...), in, mid)...); code != ExitOK {
			t.Fatalf("%s: exit %d: %s", tc.mid, code, stderr)
		}
		if code, _, stderr := runCLI(t, "", "convert", mid, back); code != ExitOK {
			t.Fatalf("%s: exit %d: %s", tc.mid, code, stderr)
		}
		got := readTMX(t, back)
		if len(got) != len(orig) {
			t.Fatalf("%s: %d units, want %d", tc.mid, len(got), len(orig))
		}
		for i := range orig {
			if got[i].ZH != orig[i].ZH || got[i].EN != orig[i].EN {
				t.Errorf("%s unit %d: %q / %q, want %q / %q", tc.mid, i, got[i].ZH, got[i].EN, orig[i].ZH, orig[i].EN)
			}
		}
		for _, units := range [][]tm.Unit{got, orig} { // JSON objects do not keep the order of props
			for _, u := range units {
				slices.SortFunc(u.Props, func(a, b tm.Prop) int { return strings.Compare(a.Type, b.Type) })
			}
		}
		if tc.mid == "mid.jsonl" && !reflect.DeepEqual(got, orig) {
			t.Errorf("JSONL round trip lost metadata:\n%+v\n%+v", got, orig)
		}
	}
}

func TestConvertToolsAndStreams(t *testing.T) {
	// Trados UTF-16 TMX to TSV on standard output; memoQ to TMX keeps its
	// languages (en-US source, zh-HK) in canonical letter case.
	code, out, stderr := runCLI(t, "", "convert", "--to", "tsv", filepath.Join(tmTestdata, "trados-utf16le-bom.tmx"), "-")
	if code != ExitOK || out != "总资产达40,000亿港元。\tTotal assets amounted to HK$4,000 billion.\n见第12页。\tSee page 12.\n" {
		t.Errorf("exit %d, output %q, stderr %s", code, out, stderr)
	}
	code, out, _ = runCLI(t, "", "convert", "--to", "tmx", filepath.Join(tmTestdata, "memoq.tmx"), "-")
	if code != ExitOK || !strings.Contains(out, `srclang="en-US"`) || !strings.Contains(out, `<tuv xml:lang="en-US"><seg>The Hong Kong dollar remained stable.</seg></tuv>
      <tuv xml:lang="zh-HK"><seg>港元匯率保持穩定。</seg>`) {
		t.Errorf("memoQ → TMX: exit %d\n%s", code, out)
	}
	// TSV from standard input: the Traditional script gives zh-TW.
	code, out, _ = runCLI(t, "貨幣政策\tMonetary policy\n外匯基金\tExchange Fund\n", "convert", "--from", "tsv", "--to", "tmx", "--date", "2016-04-01", "-", "-")
	if code != ExitOK || !strings.Contains(out, `srclang="zh-TW"`) || !strings.Contains(out, `creationdate="20160401T000000Z"`) {
		t.Errorf("TSV → TMX: exit %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "货币政策\tMonetary policy\n", "convert", "--from", "tsv", "--to", "tmx", "--source", "en", "--en-lang", "en-GB", "-", "-")
	if code != ExitOK || !strings.Contains(out, `srclang="en-GB"`) || strings.Index(out, `xml:lang="en-GB"`) > strings.Index(out, `xml:lang="zh-CN"`) {
		t.Errorf("--source en: exit %d\n%s", code, out)
	}
}

func TestConvertErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.tmx")
	os.WriteFile(bad, []byte("<tmx>\n<body>\n<tu><tuv xml:lang=\"en\"><seg>a</tuv>\n"), 0o644)
	out := filepath.Join(dir, "out.tsv")
	code, _, stderr := runCLI(t, "", "convert", bad, out)
	if code != ExitError || !strings.Contains(stderr, bad+":3:") {
		t.Errorf("malformed TMX: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("output written despite the error")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	for _, args := range [][]string{
		{"convert", "a.tmx"},
		{"convert", "a.xyz", "b.tmx"},
		{"convert", "-", "b.tmx"},
		{"convert", "--zh-lang", "en-US", filepath.Join(tmTestdata, "okapi.tmx"), "b.tmx"},
	} {
		if code, _, _ := runCLI(t, "", args...); code != ExitError {
			t.Errorf("%v: exit %d, want %d", args, code, ExitError)
		}
	}
	var buf bytes.Buffer
	buf.WriteString("甲\tA\nonly one column\n")
	code, _, stderr = runCLI(t, buf.String(), "convert", "--from", "tsv", "--to", "jsonl", "-", "-")
	if code != ExitError || !strings.Contains(stderr, "<input>:2:") && !strings.Contains(stderr, "-:2:") {
		t.Errorf("bad TSV: exit %d, stderr %q", code, stderr)
	}
}

// TestConvertBadInputs: each bad input gives exit 2, one line naming the
// file (and line), and no output file.
func TestConvertBadInputs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, c := range []struct{ in, want string }{
		{write("empty.tsv", ""), "empty.tsv: empty input"},
		{write("blank.jsonl", "\n\n"), "blank.jsonl: empty input"},
		{write("bin.tsv", "甲\tA\n\x00\x01\x02\x03"), "bin.tsv:2: binary data"},
		{write("type.jsonl", `{"zh":5,"en":"b"}`), `type.jsonl:1:7: syntax error: field "zh": want a string, got number`},
		{write("fr.tmx", `<tmx version="1.4"><header srclang="fr"/><body><tu><tuv xml:lang="fr"><seg>un</seg></tuv><tuv xml:lang="en"><seg>one</seg></tuv></tu></body></tmx>`),
			"fr.tmx: none of its 1 units has both a Chinese and an English variant"},
		{filepath.Join(dir, "missing.tsv"), "missing.tsv: no such file or directory"},
	} {
		out := filepath.Join(dir, "out.tmx")
		code, stdout, stderr := runCLI(t, "", "convert", c.in, out)
		if code != ExitError || stdout != "" || !strings.Contains(stderr, c.want) || strings.Count(stderr, "\n") != 1 || strings.Contains(stderr, "open ") {
			t.Errorf("convert %s: exit %d, stderr %q; want exit 2 and one line with %q", filepath.Base(c.in), code, stderr, c.want)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("convert %s: output written despite the error", filepath.Base(c.in))
		}
	}
}
