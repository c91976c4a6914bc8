package corpus

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// scanAll collects a Scanner's sentences.
func scanAll(data []byte, opt ReadOptions) ([]Sentence, error) {
	sc := NewScanner(bytes.NewReader(data), "scan", opt)
	var out []Sentence
	for s := range sc.All() {
		out = append(out, s)
	}
	return out, sc.Err()
}

// readAll collects ReadDocuments' sentences, documents one after the other.
func readAll(data []byte, opt ReadOptions) ([]Sentence, error) {
	docs, err := ReadDocuments(bytes.NewReader(data), "scan", opt)
	var out []Sentence
	for _, d := range docs {
		out = append(out, d.Sentences...)
	}
	return out, err
}

// checkScanner verifies that the Scanner gives what ReadDocuments gives.
func checkScanner(t *testing.T, data []byte, opt ReadOptions) {
	t.Helper()
	got, gerr := scanAll(data, opt)
	want, werr := readAll(data, opt)
	if (gerr == nil) != (werr == nil) {
		t.Fatalf("Scanner error %v, ReadDocuments error %v", gerr, werr)
	}
	if werr != nil {
		if !errors.Is(gerr, ErrEmpty) && !errors.Is(gerr, ErrEncoding) && !errors.Is(gerr, ErrBinary) && !errors.Is(gerr, ErrSyntax) {
			t.Fatalf("Scanner error %v is not a reader error", gerr)
		}
		return
	}
	if len(got) != len(want) || len(got) > 0 && !reflect.DeepEqual(got, want) {
		t.Fatalf("Scanner gives %d sentences, ReadDocuments %d:\n%+v\n%+v", len(got), len(want), got, want)
	}
}

func TestScannerMatchesRead(t *testing.T) {
	t.Parallel()
	inputs := map[string][]byte{
		"blocks": []byte("BEIJING, June 17 (Xinhua) -- Xi met\nRahmon on Tuesday. They talked.\n\nSecond block\nwraps here.\n"),
		"bom":    []byte("\xEF\xBB\xBF第一段。第二句。\r\n\r\n第二段。"),
		"cr":     []byte("one.\rtwo.\r\nthree.\nfour"),
		"empty":  []byte(" \n \n"),
		"bad":    []byte("ok.\nnot \xff utf8\n"),
		"ctrl":   []byte("ok.\nbell \x07\n"),
	}
	for _, name := range []string{"000_bc30676eec7b3701.txt", "001_ac1a7e75099f8e09.txt"} {
		data, err := os.ReadFile(filepath.Join(testdataDir, name))
		if err != nil {
			t.Fatal(err)
		}
		inputs[name] = data
	}
	paths, _ := filepath.Glob(filepath.Join(testdataDir, "read", "*.txtar"))
	for _, p := range paths {
		data, _ := os.ReadFile(p)
		a := parseArchive(string(data))
		in, _ := a.file("input")
		inputs[filepath.Base(p)] = []byte(in)
	}
	for name, data := range inputs {
		for _, f := range Formats {
			t.Run(name+"/"+string(f), func(t *testing.T) { checkScanner(t, data, ReadOptions{Format: f}) })
		}
	}
}

// TestScannerStreams: a long lines file is read in pieces, and an encoding
// error far into it reports its offset.
func TestScannerStreams(t *testing.T) {
	t.Parallel()
	line := "习近平会见塔吉克斯坦总统拉赫蒙。\n"
	n := 3 * scanPeek / len(line)
	data := []byte(strings.Repeat(line, n) + "bad \xff\n")
	sc := NewScanner(bytes.NewReader(data), "big.txt", ReadOptions{Format: FormatLines})
	count := 0
	for sc.Scan() {
		s := sc.Sentence()
		if s.Para != count || s.Start != count*len(line) || s.Text != strings.TrimSpace(line) {
			t.Fatalf("sentence %d: %+v", count, s)
		}
		count++
	}
	var pe *ParseError
	if count != n || !errors.As(sc.Err(), &pe) || pe.Offset != int64(n*len(line)+4) {
		t.Fatalf("%d sentences, error %v; want %d and an encoding error at byte %d", count, sc.Err(), n, n*len(line)+4)
	}
}

func FuzzScanner(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		for i := range Formats {
			f.Add(s, uint8(i))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, format uint8) {
		checkScanner(t, data, ReadOptions{Format: Formats[int(format)%len(Formats)]})
	})
}
