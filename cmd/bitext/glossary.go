package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/corpus/cedict"
	"github.com/bitext/bitext/corpus/segment"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/internal/atomicfile"
)

// glossaryCommand extracts a glossary from aligned corpora.
func glossaryCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "glossary",
		Usage:     "extract consistent Chinese-English term pairs from an aligned corpus",
		ArgsUsage: "INPUT…",
		Description: "glossary reads aligned corpora — TMX, TSV (zh<TAB>en per line, e.g. paste a.zh a.en) or\n" +
			"JSON Lines of {\"zh\":…,\"en\":…} objects; a unit whose sides have the same number of\n" +
			"blank-line separated paragraphs is paired paragraph by paragraph — or document pairs\n" +
			"as align --batch reads them (a directory with zh/ and en/, or with NAME.zh.EXT and\n" +
			"NAME.en.EXT files; a file NAME.zh.EXT; a manifest of id<TAB>zh path<TAB>en path), which\n" +
			"it aligns first. It proposes the term pairs the translators use consistently, best\n" +
			"first, with their evidence: the other renderings, how often the Chinese term occurs, how\n" +
			"often with this rendering, the share (consistency), first and last date seen, and\n" +
			"example sentence pairs.\n\n" +
			"Formats (--format, default from the -o extension, else tsv):\n" +
			"   tsv   OmegaT glossary columns (source, target, comment), then status and evidence;\n" +
			"         a header line starting with #; UTF-8 (name it .utf8 for OmegaT)\n" +
			"   csv   UTF-8 with BOM, header zh-CN,en-US,… for memoQ and Trados\n" +
			"   tbx   TBX-Basic (TBX v2 martif), status as administrativeStatus\n" +
			"   json  an array of entries\n\n" +
			"Curation: statuses are new, approved, rejected, forbidden. With --existing, every decided\n" +
			"entry of that glossary is kept as it is, rejected and forbidden pairs are never proposed\n" +
			"again, and a candidate for a term with an approved rendering is marked with the conflict.\n\n" +
			"Examples:\n" +
			"   bitext glossary -o terms.utf8 corpus.tmx\n" +
			"   bitext glossary --format csv --min-freq 3 --top 500 a.tsv b.jsonl > terms.csv\n" +
			"   bitext glossary --existing terms.utf8 -o terms.utf8 corpus.tmx",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output format: tsv, csv, tbx or json (default: from -o, else tsv)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "output file (default: standard output)"},
			&cli.IntFlag{Name: "min-freq", Value: 2, Usage: "fewest aligned units a pair must share", Action: atLeast("min-freq", 1)},
			&cli.IntFlag{Name: "top", Usage: "keep only the best N new candidates (0: all)", Action: atLeast("top", 0)},
			&cli.StringFlag{Name: "existing", Usage: "curated glossary to keep decisions from (any format above, or OmegaT TSV)"},
			&cli.StringFlag{Name: "stoplist", Usage: "file of terms never to propose, one per line (Chinese or English; # comments)"},
			&cli.IntFlag{Name: "workers", Usage: "counting goroutines (default: all cores)", Action: atLeast("workers", 0)},
			&cli.StringFlag{Name: "explain", Usage: "instead of a glossary, list every English rendering of this Chinese term with its figures"},
		},
		Action: func(c *cli.Context) error { return runGlossary(e, c) },
	}
}

func runGlossary(e *env, c *cli.Context) error {
	if c.NArg() == 0 {
		return usageErrorf("glossary: want at least one INPUT (aligned TMX, TSV or JSONL, or document pairs as align --batch reads them)")
	}
	out := c.String("output")
	format := c.String("format")
	if format == "" {
		format = glossary.FormatOf(out)
		if format == "" {
			format = glossary.FormatTSV
		}
	}
	if !isFormat(format) {
		return usageErrorf("glossary: unknown --format %q (want tsv, csv, tbx or json)", format)
	}
	if c.Int("min-freq") < 1 {
		return usageErrorf("glossary: --min-freq must be at least 1")
	}
	var existing []glossary.Entry
	if p := c.String("existing"); p != "" {
		var err error
		if existing, err = glossary.ReadFile(p); err != nil {
			return withCode(ExitError, fmt.Errorf("existing glossary: %w", err))
		}
	}
	var stop []string
	if p := c.String("stoplist"); p != "" {
		var err error
		if stop, err = readStoplist(p); err != nil {
			return withCode(ExitError, err)
		}
	}
	beads, failed, err := glossary.ReadInputs(e.ctx, c.Args().Slice(), &align.Aligner{})
	if err != nil {
		return withCode(ExitError, err)
	}
	reportSkipped(e.stderr, failed)
	seg, err := segmenterFor(beads)
	if err != nil {
		return withCode(ExitError, err)
	}
	x := &glossary.Extractor{
		Segmenter: seg,
		Dict:      cedict.Load(),
		Aligner:   &align.Aligner{},
		MinFreq:   c.Int("min-freq"),
		Top:       c.Int("top"),
		Stop:      stop,
		Workers:   c.Int("workers"),
	}
	if term := c.String("explain"); term != "" {
		return explain(e, x, beads, term)
	}
	entries, err := x.Extract(e.ctx, beads)
	if err != nil {
		return withCode(ExitError, err)
	}
	if existing != nil {
		entries = glossary.Curate(entries, existing)
	}
	// Documents skipped: the glossary of the others is written, and the
	// exit code says some failed (as align --batch).
	partial := func(err error) error {
		if err == nil && len(failed) > 0 {
			return withCode(ExitFindings, nil)
		}
		return err
	}
	if out == "" || out == "-" {
		return partial(glossary.Write(e.stdout, format, entries))
	}
	f, err := atomicfile.Create(out)
	if err != nil {
		return withCode(ExitError, err)
	}
	defer f.Abort()
	if err := glossary.Write(f, format, entries); err != nil {
		return withCode(ExitError, err)
	}
	if err := f.Commit(); err != nil {
		return withCode(ExitError, err)
	}
	fmt.Fprintf(e.stderr, "bitext: %d entries from %d aligned pairs written to %s\n", len(entries), len(beads), out)
	return partial(nil)
}

func isFormat(f string) bool {
	for _, g := range glossary.Formats {
		if f == g {
			return true
		}
	}
	return false
}

// segmenterFor picks the Traditional dictionary when most of a sample of
// the Chinese text is Traditional.
func segmenterFor(beads []glossary.Bead) (corpus.Segmenter, error) {
	var sample strings.Builder
	for i := 0; i < len(beads) && sample.Len() < 1<<16; i += max(1, len(beads)/64) {
		sample.WriteString(beads[i].ZH)
	}
	if corpus.IsTraditional(sample.String()) {
		return segment.Traditional()
	}
	return segment.Default()
}

// readStoplist reads one term per line; blank lines and # comments skipped.
func readStoplist(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, inputError(path, err)
	}
	// Binary data, a wrong encoding: the error names the file and byte.
	text, err := corpus.Decode(data, path, "")
	if err != nil && !errors.Is(err, corpus.ErrEmpty) {
		return nil, err
	}
	return scanStoplist(strings.NewReader(text))
}

func scanStoplist(r io.Reader) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\uFEFF"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out, sc.Err()
}

// explain prints the renderings of one term with the figures behind them.
func explain(e *env, x *glossary.Extractor, beads []glossary.Bead, term string) error {
	v := x.Vocabulary(x.CountTerms(beads))
	rs := x.Explain(v, x.CountPairs(beads, v), term)
	if len(rs) == 0 {
		return withCode(ExitFindings, fmt.Errorf("glossary: %s is not a candidate term of this corpus (seen in fewer than --min-freq units, or never a closed candidate)", term))
	}
	w := bufio.NewWriter(e.stdout)
	fmt.Fprintf(w, "# %s: %d units\n# pair\ten_units\tdice\tzh_cover\ten_cover\tclean\tquality\ten\n", term, rs[0].ZHFreq)
	for _, r := range rs {
		fmt.Fprintf(w, "%d\t%d\t%.3f\t%.2f\t%.2f\t%.2f\t%.3f\t%s\n", r.PairFreq, r.ENFreq, r.Dice, r.ZHCover, r.ENCover, r.Clean, r.Quality, r.EN)
	}
	return w.Flush()
}
