package batch

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/bitext/bitext/corpus"
)

// FuzzManifest: any manifest gives pairs or an error naming a line.
func FuzzManifest(f *testing.F) {
	f.Add([]byte("# id\tzh\ten\nd1\tzh/a.txt\ten/a.txt\n\nd2\t/abs/zh\t/abs/en\r\n"))
	f.Add([]byte("\uFEFFd1\ta\tb\nd1\tc\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "list.tsv")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		pairs, _, err := collectManifest(path)
		if err != nil {
			var pe *corpus.ParseError
			if !errors.As(err, &pe) || pe.File != path {
				t.Fatalf("error without its file: %v", err)
			}
			return
		}
		for _, p := range pairs {
			if p.ID == "" || p.ZH == "" || p.EN == "" {
				t.Fatalf("incomplete pair %+v", p)
			}
		}
	})
}

// FuzzJSONLSource: any JSON Lines source indexes into records that load
// into documents or fail with the record's line.
func FuzzJSONLSource(f *testing.F) {
	f.Add([]byte(`{"id":"a","date":"2016","zh":"# 標題\n\n第一段。\n\n第二段。","en":"# Title\n\nOne.\n\nTwo."}` + "\n\n" + `{"zh":"甲。","en":"A."}`))
	f.Add([]byte(`{"zh":null,"en":"x"}` + "\n" + `not json` + "\n" + `{"id":3,"zh":"","en":""}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "src.jsonl")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		pairs, err := collectJSONL(path)
		if err != nil {
			return
		}
		for _, p := range pairs {
			if p.Line < 1 || p.n <= 0 {
				t.Fatalf("bad index %+v", p)
			}
			d, err := Load(p, corpus.ReadOptions{})
			if err != nil {
				continue
			}
			if len(d.ZH.Sentences) == 0 || len(d.EN.Sentences) == 0 {
				t.Fatalf("loaded a pair with an empty side: %+v", p)
			}
			zh, en := d.parts()
			if len(zh) != len(en) {
				t.Fatalf("%d Chinese parts, %d English", len(zh), len(en))
			}
		}
	})
}
