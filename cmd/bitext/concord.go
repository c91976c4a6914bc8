package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/corpus/batch"
	"github.com/bitext/bitext/corpus/tm"
	"github.com/bitext/bitext/report"
)

// concordCommand shows how a term is rendered across an aligned corpus.
func concordCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "concord",
		Usage:     "show every aligned pair holding a term, grouped by the term's rendering",
		ArgsUsage: "TERM CORPUS…",
		Description: "concord finds every aligned pair whose Chinese side holds TERM (a Simplified term also\n" +
			"finds Traditional text) or, for an English TERM, whose English side holds it (case,\n" +
			"plurals and UK/US spelling ignored). It marks the term and its likely rendering on the\n" +
			"other side and groups the pairs by rendering, so that a terminologist sees at once\n" +
			"\"三股势力: terrorism, separatism and extremism (41), three evil forces (3)\".\n\n" +
			"The rendering is the phrase of the other side most over-represented in the pairs that\n" +
			"hold the term (see package report); pairs without one form the last group.\n\n" +
			"CORPUS is any number of\n" +
			"   aligned corpora: .tmx, .tsv (zh<TAB>en per line), .jsonl ({\"zh\":…,\"en\":…} per line);\n" +
			"      a unit whose two sides have the same number of blank-line separated\n" +
			"      paragraphs (more than one) is split into paragraph pairs;\n" +
			"   document pairs: a bilingual file, or a Chinese and an English file in a row,\n" +
			"      aligned first.\n\n" +
			"Output (--format): text (the summary line, then the pairs by group with the term and\n" +
			"the rendering in «»), json, or html (a self-contained page).\n\n" +
			"Examples:\n" +
			"   bitext concord 三股势力 aligned.tmx\n" +
			"   bitext concord --format html -o concord.html 外汇基金 hkma-2016.jsonl\n" +
			"   bitext concord \"Belt and Road\" zh.txt en.txt\n\n" +
			"Exit status: 0 success, also when TERM is not found (the output says so); 2 usage or\n" +
			"input error, reported on one line naming the file and line.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output `FORMAT`: text, json or html"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` instead of standard output"},
			&cli.StringFlag{Name: "side", DefaultText: "zh for a Chinese TERM, else en", Usage: "look TERM up on this `SIDE`: zh or en"},
			&cli.IntFlag{Name: "min-pairs", Value: 2, Usage: "`N` pairs a rendering must occur in to form a group"},
			&cli.IntFlag{Name: "max", Value: 0, Usage: "text output: show at most `N` pairs per group (0: all)"},
		},
		Action: func(c *cli.Context) error { return runConcord(e, c) },
	}
}

func runConcord(e *env, c *cli.Context) error {
	if c.NArg() < 2 {
		return usageErrorf("concord: want TERM and at least one CORPUS, got %d arguments", c.NArg())
	}
	format := c.String("format")
	if format != "text" && format != "json" && format != "html" {
		return usageErrorf("concord: unknown --format %q (want text, json or html)", format)
	}
	var side corpus.Lang
	switch s := c.String("side"); s {
	case "":
	case "zh", "en":
		side = corpus.Lang(s)
	default:
		return usageErrorf("concord: unknown --side %q (want zh or en)", s)
	}
	term := strings.TrimSpace(c.Args().First())
	if term == "" {
		return usageErrorf("concord: empty TERM")
	}
	pairs, skipped, err := loadPairs(e, c.Args().Slice()[1:])
	if err != nil {
		return withCode(ExitError, err)
	}
	conc := report.Concord(pairs, term, report.ConcordOptions{Side: side, MinPairs: c.Int("min-pairs")})
	sum := report.Summary{Generated: reportDate()}
	err = writeOutput(e, c.String("output"), func(w io.Writer) error {
		switch format {
		case "json":
			return writeConcordJSON(w, pairs, conc)
		case "html":
			return report.WriteConcordance(w, pairs, conc, sum)
		}
		return writeConcordText(w, pairs, conc, c.Int("max"))
	})
	if err == nil && skipped > 0 {
		return withCode(ExitFindings, nil) // some documents could not be read or aligned
	}
	return err
}

// writeOutput writes through write to path (atomically) or to standard
// output when path is "" or "-".
func writeOutput(e *env, path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		w := bufio.NewWriter(e.stdout)
		if err := write(w); err != nil {
			return withCode(ExitError, err)
		}
		if err := w.Flush(); err != nil {
			return withCode(ExitError, err)
		}
		return nil
	}
	if err := writeFileAtomic(path, write); err != nil {
		return withCode(ExitError, err)
	}
	return nil
}

// loadPairs reads the corpora: translation-memory files as they are; the
// sources align --batch accepts (directories, NAME.zh.EXT files) through
// package batch; a bilingual file alone, and other documents as
// Chinese-English pairs in argument order, aligned one by one.
func loadPairs(e *env, paths []string) (pairs []report.Pair, skipped int, err error) {
	var sources []string         // for package batch
	var pending *corpus.Document // a document waiting for its other edition
	for _, path := range paths {
		if f, ok := tmFormat(path); ok {
			ps, err := readUnits(path, f)
			if err != nil {
				return nil, 0, err
			}
			pairs = append(pairs, ps...)
			continue
		}
		if fi, err := os.Stat(path); err == nil && fi.IsDir() || strings.Contains(filepath.Base(path), ".zh.") {
			sources = append(sources, path)
			continue
		}
		if base := filepath.Base(path); strings.Contains(base, ".en.") &&
			slices.ContainsFunc(paths, func(p string) bool {
				return filepath.Clean(p) == filepath.Join(filepath.Dir(path), strings.Replace(base, ".en.", ".zh.", 1))
			}) {
			continue // batch pairs it with its NAME.zh file
		}
		docs, err := readDocuments(e, path, corpus.ReadOptions{})
		if err != nil {
			return nil, 0, err
		}
		if len(docs) == 2 {
			ps, err := alignPairs(docs[0], docs[1])
			if err != nil {
				return nil, 0, err
			}
			pairs = append(pairs, ps...)
			continue
		}
		if pending == nil {
			pending = docs[0]
			continue
		}
		zh, en := pending, docs[0]
		if zh.Lang == corpus.English && en.Lang == corpus.Chinese {
			zh, en = en, zh
		}
		pending = nil
		ps, err := alignPairs(zh, en)
		if err != nil {
			return nil, 0, err
		}
		pairs = append(pairs, ps...)
	}
	if pending != nil {
		return nil, 0, fmt.Errorf("%s: a document needs its other edition next to it (ZH EN), or use a bilingual file, NAME.zh/NAME.en files or an aligned corpus", pending.Name)
	}
	if len(sources) > 0 {
		ps, n, err := batchPairs(e, sources)
		if err != nil {
			return nil, 0, err
		}
		pairs, skipped = append(pairs, ps...), n
	}
	return pairs, skipped, nil
}

// batchPairs aligns the document pairs of batch sources with a corpus-wide
// model, as align --batch does.
func batchPairs(e *env, sources []string) ([]report.Pair, int, error) {
	docs, failed, err := batch.Collect(sources)
	if err != nil {
		return nil, 0, err
	}
	var pairs []report.Pair
	b := batch.New(docs, batch.Options{})
	err = b.Align(e.ctx, func(r *batch.Result) error {
		ps := beadPairs(r.ZH, r.EN, r.Beads)
		for i := range ps {
			ps[i].Doc = r.ID
		}
		pairs = append(pairs, ps...)
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	// Documents that cannot be read or aligned are skipped, as align
	// --batch skips them.
	failed = append(failed, b.Stats().Failed...)
	reportSkipped(e.stderr, failed)
	return pairs, len(failed), nil
}

// tmFormat tells whether path is a translation memory by its extension;
// a .txt file counts as TSV only when its first line holds a tab.
func tmFormat(path string) (tm.Format, bool) {
	f, err := tm.FormatOf(path)
	if err != nil {
		return "", false
	}
	if strings.EqualFold(filepath.Ext(path), ".txt") {
		file, err := os.Open(path)
		if err != nil {
			return f, true // let the reader report it
		}
		defer file.Close()
		line, _ := bufio.NewReader(file).ReadString('\n')
		return f, strings.Contains(line, "\t")
	}
	return f, true
}

// readUnits reads a translation-memory file. A unit whose sides hold the
// same number (more than one) of blank-line separated paragraphs becomes one
// pair per paragraph: chapter-aligned corpora such as the HKMA report.
func readUnits(path string, f tm.Format) ([]report.Pair, error) {
	file, err := openInput(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	r, err := tm.NewReader(f, file, path)
	if err != nil {
		return nil, err
	}
	var pairs []report.Pair
	n := 0
	for r.Scan() {
		n++
		u := r.Unit()
		id := u.ID
		if id == "" {
			id = fmt.Sprint(n)
		}
		doc := u.Doc
		if doc == "" {
			doc = filepath.Base(path)
		}
		zh, en := paragraphs(u.ZH), paragraphs(u.EN)
		if len(zh) > 1 && len(zh) == len(en) {
			for i := range zh {
				pairs = append(pairs, report.Pair{Doc: doc, ID: fmt.Sprintf("%s.%d", id, i+1), ZH: zh[i], EN: en[i]})
			}
			continue
		}
		pairs = append(pairs, report.Pair{Doc: doc, ID: id, ZH: u.ZH, EN: u.EN})
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	return pairs, noBilingualUnit(r, path, n)
}

func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// alignPairs aligns a document pair and returns its beads as pairs.
func alignPairs(zh, en *corpus.Document) ([]report.Pair, error) {
	a := &align.Aligner{}
	beads, err := a.Align(zh.Sentences, en.Sentences)
	if err != nil {
		return nil, fmt.Errorf("aligning %s and %s: %w", zh.Name, en.Name, err)
	}
	return beadPairs(zh, en, beads), nil
}

// beadPairs joins each bead's sentences: Chinese without a separator,
// English with a space.
func beadPairs(zh, en *corpus.Document, beads []align.Bead) []report.Pair {
	pairs := make([]report.Pair, 0, len(beads))
	for i, b := range beads {
		pairs = append(pairs, report.Pair{Doc: filepath.Base(zh.Name), ID: fmt.Sprint(i + 1),
			ZH: joinText(zh.Sentences, b.ZH, ""), EN: joinText(en.Sentences, b.EN, " ")})
	}
	return pairs
}

// Text output: the pair's sides are cut to a window around the first mark.
const (
	zhWindow = 40  // runes either side of the Chinese mark
	enWindow = 110 // runes either side of the English mark
)

func writeConcordText(w io.Writer, pairs []report.Pair, c *report.Concordance, max int) error {
	fmt.Fprintln(w, c.Summary())
	for g, grp := range c.Groups {
		label := grp.Label
		if grp.Key == "" {
			label = "no rendering found"
		}
		fmt.Fprintf(w, "\n== %s (%d)\n", label, grp.Count)
		shown := 0
		for _, h := range c.Hits {
			if h.Group != g {
				continue
			}
			if max > 0 && shown == max {
				fmt.Fprintf(w, "   … %d more\n", grp.Count-shown)
				break
			}
			shown++
			p := pairs[h.Pair]
			zhSpans, enSpans := h.TermSpans, h.RendSpans
			if c.Side == corpus.English {
				zhSpans, enSpans = enSpans, zhSpans
			}
			fmt.Fprintf(w, "%s#%s\n", p.Doc, p.ID)
			fmt.Fprintf(w, "   zh: %s\n", window(p.ZH, zhSpans, zhWindow))
			fmt.Fprintf(w, "   en: %s\n", window(p.EN, enSpans, enWindow))
		}
	}
	return nil
}

// window returns s with the spans in «», cut to radius runes around the
// first span, with … where it was cut. Line breaks become spaces.
func window(s string, spans []report.Span, radius int) string {
	var b strings.Builder
	at, first := 0, -1
	for _, sp := range spans {
		if sp.Start < at {
			continue
		}
		b.WriteString(s[at:sp.Start])
		if first < 0 {
			first = utf8.RuneCountInString(b.String())
		}
		b.WriteString("«" + s[sp.Start:sp.End] + "»")
		at = sp.End
	}
	b.WriteString(s[at:])
	rs := []rune(strings.Join(strings.Fields(b.String()), " "))
	if first < 0 {
		first = 0
	}
	from, to := max(0, first-radius), min(len(rs), first+2*radius)
	out := string(rs[from:to])
	if from > 0 {
		out = "…" + out
	}
	if to < len(rs) {
		out += "…"
	}
	return out
}

type concordJSONGroup struct {
	Rendering string `json:"rendering"` // "" for the pairs without one
	Count     int    `json:"count"`
}

type concordJSONHit struct {
	Doc            string   `json:"doc"`
	ID             string   `json:"id"`
	Group          int      `json:"group"`
	ZH             string   `json:"zh"`
	EN             string   `json:"en"`
	TermSpans      [][2]int `json:"term_spans"`
	RenderingSpans [][2]int `json:"rendering_spans"`
}

// writeConcordJSON writes the concordance as one JSON object:
// {"term","side","searched","summary","groups":[{"rendering","count"}],
// "hits":[{"doc","id","group","zh","en","term_spans","rendering_spans"}]},
// spans as [start,end) byte offsets into zh (term_spans when side is zh) or
// en.
func writeConcordJSON(w io.Writer, pairs []report.Pair, c *report.Concordance) error {
	out := struct {
		Term     string             `json:"term"`
		Side     corpus.Lang        `json:"side"`
		Searched int                `json:"searched"`
		Summary  string             `json:"summary"`
		Groups   []concordJSONGroup `json:"groups"`
		Hits     []concordJSONHit   `json:"hits"`
	}{Term: c.Term, Side: c.Side, Searched: c.Searched, Summary: c.Summary(), Groups: []concordJSONGroup{}, Hits: []concordJSONHit{}}
	for _, g := range c.Groups {
		out.Groups = append(out.Groups, concordJSONGroup{g.Label, g.Count})
	}
	for _, h := range c.Hits {
		p := pairs[h.Pair]
		out.Hits = append(out.Hits, concordJSONHit{Doc: p.Doc, ID: p.ID, Group: h.Group, ZH: p.ZH, EN: p.EN,
			TermSpans: spanPairs(h.TermSpans), RenderingSpans: spanPairs(h.RendSpans)})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func spanPairs(spans []report.Span) [][2]int {
	out := make([][2]int, 0, len(spans))
	for _, s := range spans {
		out = append(out, [2]int{s.Start, s.End})
	}
	return out
}
