package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/corpus/cedict"
	"github.com/bitext/bitext/corpus/segment"
	"github.com/bitext/bitext/corpus/tm"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/glossary/check"
	"github.com/bitext/bitext/internal/atomicfile"
	"github.com/bitext/bitext/internal/sample"
	"github.com/bitext/bitext/report"
)

// demoCommand runs the whole pipeline on the embedded sample.
func demoCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "demo",
		Usage: "run the whole pipeline on an embedded Xinhua sample and write its outputs",
		Description: "demo needs nothing but the binary. It takes the sample built into bitext (a Xinhua\n" +
			"Chinese article and English story, ten short Xinhua-style article pairs, a house glossary\n" +
			"and a new translation to review, which has terminology and number errors), and runs\n" +
			"every stage: split the documents into sentences, align them, extract a glossary from the\n" +
			"aligned corpus (curated against the house glossary), check the new translation against\n" +
			"the house glossary, and export the translation memory. It prints a summary and writes\n" +
			"into --out:\n" +
			"   aligned.tmx    the aligned corpus as a TMX 1.4 translation memory\n" +
			"   glossary.tsv   the house glossary and the extracted candidates (OmegaT TSV + status)\n" +
			"   check.json     the findings on the new translation\n" +
			"   report.html    everything side by side: open it in a browser\n\n" +
			"Exit status: 0 success (the planted findings do not count as a failure); 2 error.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "bitext-demo", Usage: "write the outputs into `DIR` (created if needed)"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageErrorf("demo: takes no arguments (got %q); use --out DIR", c.Args().First())
			}
			return runDemo(e, c.Context, c.String("out"))
		},
	}
}

// demoDoc is one aligned document pair of the demo.
type demoDoc struct {
	name, date string
	zh, en     *corpus.Document
	beads      []align.Bead
}

// demoResult is everything the demo computes.
type demoResult struct {
	docs     []*demoDoc // the corpus
	review   *demoDoc   // the new translation
	house    []glossary.Entry
	entries  []glossary.Entry // house glossary + extracted candidates, curated
	findings []check.Finding
	summary  check.Summary
	elapsed  time.Duration
}

func runDemo(e *env, ctx context.Context, out string) error {
	start := time.Now()
	if err := os.MkdirAll(out, 0o755); err != nil {
		return withCode(ExitError, fmt.Errorf("demo: --out %w", inputError(out, err)))
	}
	r := &demoResult{}
	var err error
	if r.docs, r.review, err = demoSplit(); err != nil {
		return withCode(ExitError, fmt.Errorf("demo: split: %w", err))
	}
	if err := demoAlign(append(slices.Clone(r.docs), r.review)); err != nil {
		return withCode(ExitError, fmt.Errorf("demo: align: %w", err))
	}
	if r.house, err = glossary.Read(strings.NewReader(sample.HouseGlossary()), "house-glossary.tsv"); err != nil {
		return withCode(ExitError, fmt.Errorf("demo: house glossary: %w", err))
	}
	if r.entries, err = demoGlossary(ctx, r.docs, r.house); err != nil {
		return withCode(ExitError, fmt.Errorf("demo: glossary: %w", err))
	}
	if r.findings, r.summary, err = demoCheck(r.house, r.review); err != nil {
		return withCode(ExitError, fmt.Errorf("demo: check: %w", err))
	}
	r.elapsed = time.Since(start)
	outputs := []struct {
		name  string
		write func(io.Writer) error
	}{
		{"aligned.tmx", r.writeTMX},
		{"glossary.tsv", func(w io.Writer) error { return glossary.Write(w, glossary.FormatTSV, r.entries) }},
		{"check.json", func(w io.Writer) error { return check.WriteJSON(w, r.findings, r.summary) }},
		{"report.html", r.writeReport},
	}
	var written []string
	for _, o := range outputs {
		path := filepath.Join(out, o.name)
		if err := writeFileAtomic(path, o.write); err != nil {
			return withCode(ExitError, fmt.Errorf("demo: %s: %w", path, err))
		}
		written = append(written, path)
	}
	return r.printSummary(e.stdout, written)
}

// writeFileAtomic writes path through write, replacing it only when all
// went well.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	f, err := atomicfile.Create(path)
	if err != nil {
		return err
	}
	defer f.Abort()
	if err := write(f); err != nil {
		return err
	}
	return f.Commit()
}

// demoSplit reads the sample's documents into sentences.
func demoSplit() (docs []*demoDoc, review *demoDoc, err error) {
	read := func(a sample.Article) (*demoDoc, error) {
		d := &demoDoc{name: a.Name, date: a.Date}
		if a.Bilingual {
			d.zh, d.en, err = corpus.ReadBilingual(strings.NewReader(a.ZH), a.Name+".txt", corpus.ReadOptions{})
			return d, err
		}
		if d.zh, err = corpus.Read(strings.NewReader(a.ZH), a.Name+".zh.txt", corpus.ReadOptions{Format: corpus.FormatText, Lang: corpus.Chinese}); err != nil {
			return nil, err
		}
		d.en, err = corpus.Read(strings.NewReader(a.EN), a.Name+".en.txt", corpus.ReadOptions{Format: corpus.FormatText, Lang: corpus.English})
		return d, err
	}
	for _, a := range sample.Corpus() {
		d, err := read(a)
		if err != nil {
			return nil, nil, err
		}
		docs = append(docs, d)
	}
	review, err = read(sample.Review())
	return docs, review, err
}

// demoAlign aligns every document pair.
func demoAlign(docs []*demoDoc) error {
	a := &align.Aligner{}
	for _, d := range docs {
		beads, err := a.Align(d.zh.Sentences, d.en.Sentences)
		if err != nil {
			return fmt.Errorf("%s: %w", d.name, err)
		}
		d.beads = beads
	}
	return nil
}

// demoGlossary extracts term pairs from the aligned corpus and curates them
// against the house glossary: house entries first, as they are, then the
// new candidates.
func demoGlossary(ctx context.Context, docs []*demoDoc, house []glossary.Entry) ([]glossary.Entry, error) {
	var beads []glossary.Bead
	for _, d := range docs {
		for _, b := range d.beads {
			if len(b.ZH) == 0 || len(b.EN) == 0 {
				continue
			}
			beads = append(beads, glossary.Bead{Seq: len(beads), Doc: d.name, Date: d.date,
				ZH: joinText(d.zh.Sentences, b.ZH, ""), EN: joinText(d.en.Sentences, b.EN, " ")})
		}
	}
	seg, err := segment.Default()
	if err != nil {
		return nil, err
	}
	x := &glossary.Extractor{Segmenter: seg, Dict: cedict.Load(), MinFreq: 2}
	candidates, err := x.Extract(ctx, beads)
	if err != nil {
		return nil, err
	}
	return glossary.Curate(candidates, house), nil
}

// demoCheck checks the review translation, bead by bead, against the house
// glossary.
func demoCheck(house []glossary.Entry, review *demoDoc) ([]check.Finding, check.Summary, error) {
	var sum check.Summary
	c, err := check.New(house, check.Options{})
	if err != nil {
		return nil, sum, err
	}
	in := &check.Input{Name: review.name, Slack: 1}
	if y, err := strconv.Atoi(strings.SplitN(review.date, "-", 2)[0]); err == nil {
		in.Year = y
	}
	for i, b := range review.beads {
		in.Segments = append(in.Segments, check.Segment{Pos: i + 1,
			ZH: joinText(review.zh.Sentences, b.ZH, ""), EN: joinText(review.en.Sentences, b.EN, " ")})
	}
	fs := c.Check(in)
	sum.AddInput(in)
	sum.Add(fs)
	sum.Glossary = len(house)
	return fs, sum, nil
}

// writeTMX writes the aligned corpus (not the review) as TMX, one unit per
// bead that has both sides.
func (r *demoResult) writeTMX(w io.Writer) error {
	tw := tm.NewTMXWriter(w, tm.Header{CreationToolVersion: version})
	for _, d := range r.docs {
		for _, b := range d.beads {
			if len(b.ZH) == 0 || len(b.EN) == 0 {
				continue
			}
			err := tw.Write(tm.Unit{
				ZH: joinText(d.zh.Sentences, b.ZH, ""), EN: joinText(d.en.Sentences, b.EN, " "),
				Doc: d.name, Bead: report.BeadType(b), Confidence: b.Confidence, HasConfidence: true,
			})
			if err != nil {
				return err
			}
		}
	}
	return tw.Close()
}

// writeReport writes the HTML report: the review first (with its
// findings), then the corpus; house terms and approved pairs highlighted.
func (r *demoResult) writeReport(w io.Writer) error {
	a := &report.Alignment{
		Title: "bitext demo: aligned sample corpus and review of a new translation",
		Terms: report.GlossaryTerms(r.house),
		Summary: report.Summary{Generated: reportDate(), Stats: []report.Stat{
			{Label: "Glossary candidates", Value: strconv.Itoa(len(r.entries) - len(r.house))},
		}},
	}
	docs := append([]*demoDoc{r.review}, r.docs...)
	for i, d := range docs {
		rd := report.Doc{Name: d.name, ZH: d.zh.Sentences, EN: d.en.Sentences, Beads: d.beads}
		if i == 0 {
			rd.Name = d.name + " (new translation, checked)"
			rd.Flags = report.FindingFlags(r.findings)
		}
		a.Docs = append(a.Docs, rd)
	}
	return report.WriteAlignment(w, a)
}

// printSummary prints what the demo did: beads by type, the top glossary
// candidates, the findings, the files written.
func (r *demoResult) printSummary(w io.Writer, written []string) error {
	var b strings.Builder
	nzh, nen, types := 0, 0, map[string]int{}
	var beads int
	for _, d := range r.docs {
		nzh += len(d.zh.Sentences)
		nen += len(d.en.Sentences)
		beads += len(d.beads)
		for _, bd := range d.beads {
			types[report.BeadType(bd)]++
		}
	}
	fmt.Fprintf(&b, "bitext demo: %d document pairs, %d Chinese and %d English sentences aligned into %d beads in %v\n",
		len(r.docs), nzh, nen, beads, r.elapsed.Round(time.Millisecond))
	keys := make([]string, 0, len(types))
	for k := range types {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y string) int {
		if types[x] != types[y] {
			return types[y] - types[x]
		}
		return strings.Compare(x, y)
	})
	b.WriteString("  beads by type:")
	for _, k := range keys {
		fmt.Fprintf(&b, " %s %d", k, types[k])
	}
	b.WriteString("\n")

	var fresh []glossary.Entry
	for _, en := range r.entries {
		if en.Status == glossary.New {
			fresh = append(fresh, en)
		}
	}
	fmt.Fprintf(&b, "\nglossary: %d candidate pairs extracted (beside %d house entries); top:\n", len(fresh), len(r.house))
	for _, en := range fresh[:min(len(fresh), 8)] {
		conflict := ""
		if en.Conflict != "" {
			conflict = "  (house: " + en.Conflict + ")"
		}
		fmt.Fprintf(&b, "  %s → %s  [%d pairs, consistency %.2f]%s\n", en.ZH, en.EN, en.PairFreq, en.Consistency, conflict)
	}

	b.WriteString("\nconcordance (bitext concord TERM): how the corpus renders the house terms\n")
	var pairs []report.Pair
	for _, d := range append(slices.Clone(r.docs), r.review) {
		pairs = append(pairs, beadPairs(d.zh, d.en, d.beads)...)
	}
	seen := map[string]bool{}
	for _, h := range r.house {
		if seen[h.ZH] || len(seen) == 4 {
			continue
		}
		seen[h.ZH] = true
		fmt.Fprintf(&b, "  %s\n", report.Concord(pairs, h.ZH, report.ConcordOptions{}).Summary())
	}

	fmt.Fprintf(&b, "\ncheck of the new translation (%s) against the house glossary: %s\n", r.review.name, check.SummaryLine(r.summary))
	for _, f := range r.findings {
		exp := ""
		if len(f.Expected) > 0 {
			exp = "; expected " + strings.Join(f.Expected, " | ")
		}
		fmt.Fprintf(&b, "  bead %d: %s: %s%s\n", f.Segment, f.Kind, f.Message, exp)
	}
	b.WriteString("\nwrote:\n")
	for _, p := range written {
		fmt.Fprintf(&b, "  %s\n", p)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
