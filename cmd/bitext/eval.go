package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/internal/atomicfile"
	"github.com/urfave/cli/v2"
)

// evalCommand aligns a directory of document pairs and scores the result
// against gold alignments.
func evalCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "eval",
		Usage:     "align document pairs and score them against gold alignments",
		ArgsUsage: "ZH_DIR EN_DIR GOLD_DIR",
		Description: "eval aligns every document pair ZH_DIR/NNN, EN_DIR/NNN (files without an extension;\n" +
			"the two directories must hold the same names) and scores the beads against the gold\n" +
			"alignment GOLD_DIR/NNN.align ([zh ids]:[en ids] per line, 0-based), with the definitions\n" +
			"of score_alignment.py (Vecalign, Bertalign).\n\n" +
			"It prints to standard output:\n" +
			"   the number of documents, sentences and beads (predicted, gold)\n" +
			"   strict and lax precision, recall and F1, micro-averaged over the documents: a strict\n" +
			"      hit is an exact bead, a lax hit shares at least one zh-en link; precision is over\n" +
			"      all predicted beads, recall over the gold beads with both sides non-empty\n" +
			"   recall by gold bead type (1-1, 1-0, 2-1, …) and precision by predicted bead type\n" +
			"   strict precision by confidence decile (it should rise with the decile)\n" +
			"   wall time (reading, aligning and scoring), sentences per second, peak memory\n" +
			"With --pred-dir, the predicted beads also go to DIR/NNN.align (DIR made if missing),\n" +
			"for score_alignment.py GOLD_DIR DIR.\n\n" +
			"Example:\n" +
			"   bitext eval --pred-dir pred news-dev/zh news-dev/en news-dev/gold\n\n" +
			"Exit status: 0 success; 2 usage or input error (a missing or empty document, a document\n" +
			"without its partner or its gold file, a gold file that does not fit its documents, a\n" +
			"malformed dictionary line), reported on one line naming the file and the line.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "input", Aliases: []string{"i"}, Value: "lines", Usage: "input `FORMAT` of the documents: " + formatList()},
			&cli.StringFlag{Name: "pred-dir", Usage: "write the predicted beads as `DIR`/NNN.align"},
			&cli.StringSliceFlag{Name: "dict", Usage: "user dictionary `FILE` (zh<TAB>en per line, e.g. a glossary TSV), repeatable"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 3 {
				return usageErrorf("eval: want ZH_DIR EN_DIR GOLD_DIR, got %d arguments", c.NArg())
			}
			format, err := corpus.ParseFormat(c.String("input"))
			if err != nil {
				return usageErrorf("eval: %v", err)
			}
			a, err := newAligner(c)
			if err != nil {
				return withCode(ExitError, err)
			}
			// The gold says the documents are translations of each
			// other: every pair is aligned and scored.
			a.Unrelated = true
			return runEval(e, a, format, c.Args().Get(0), c.Args().Get(1), c.Args().Get(2), c.String("pred-dir"))
		},
	}
}

func formatList() string {
	var names []string
	for _, f := range corpus.Formats {
		names = append(names, string(f))
	}
	return strings.Join(names, "|")
}

// evalDoc is one document pair of an evaluation.
type evalDoc struct {
	name   string
	zh, en []corpus.Sentence
	gold   []align.Bead
	pred   []align.Bead
	err    error
}

func runEval(e *env, a *align.Aligner, format corpus.Format, zhDir, enDir, goldDir, predDir string) error {
	start := time.Now()
	docs, err := readEvalDocs(format, zhDir, enDir, goldDir)
	if err != nil {
		return withCode(ExitError, err)
	}
	if predDir != "" {
		if err := os.MkdirAll(predDir, 0o755); err != nil {
			return withCode(ExitError, inputError(predDir, err))
		}
	}
	// Align two documents at a time (the aligner is safe for concurrent use).
	var wg sync.WaitGroup
	next := make(chan *evalDoc)
	for range 2 {
		wg.Go(func() {
			for d := range next {
				d.pred, d.err = a.Align(d.zh, d.en)
			}
		})
	}
	for _, d := range docs {
		next <- d
	}
	close(next)
	wg.Wait()
	var total align.Counts
	nzh, nen := 0, 0
	for _, d := range docs {
		if d.err != nil {
			return withCode(ExitError, fmt.Errorf("%s: %w", d.name, d.err))
		}
		total.Add(d.gold, d.pred)
		nzh += len(d.zh)
		nen += len(d.en)
		if predDir != "" {
			if err := writeBeads(filepath.Join(predDir, d.name+".align"), d.pred); err != nil {
				return withCode(ExitError, err)
			}
		}
	}
	wall := time.Since(start)
	printEval(e.stdout, &total, len(docs), nzh, nen, wall)
	return nil
}

// readEvalDocs reads the document pairs of an evaluation and their gold
// beads. The two directories must hold the same documents, each with its
// gold file, each side in its language.
func readEvalDocs(format corpus.Format, zhDir, enDir, goldDir string) ([]*evalDoc, error) {
	names, err := evalNames(zhDir)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, &corpus.ParseError{File: zhDir, Offset: -1, Err: errors.New("no documents (files without extension)")}
	}
	enNames, err := evalNames(enDir)
	if err != nil {
		return nil, err
	}
	for _, n := range enNames {
		if _, found := slices.BinarySearch(names, n); !found {
			return nil, &corpus.ParseError{File: filepath.Join(enDir, n), Offset: -1,
				Err: fmt.Errorf("no Chinese document %s for it", filepath.Join(zhDir, n))}
		}
	}
	golds, err := os.ReadDir(goldDir)
	if err != nil {
		return nil, inputError(goldDir, err)
	}
	for _, g := range golds {
		n, ok := strings.CutSuffix(g.Name(), ".align")
		if _, found := slices.BinarySearch(names, n); ok && !found {
			return nil, &corpus.ParseError{File: filepath.Join(goldDir, g.Name()), Offset: -1,
				Err: fmt.Errorf("no documents %s and %s for it", filepath.Join(zhDir, n), filepath.Join(enDir, n))}
		}
	}
	docs := make([]*evalDoc, len(names))
	for i, n := range names {
		d := &evalDoc{name: n}
		docs[i] = d
		if _, found := slices.BinarySearch(enNames, n); !found {
			return nil, &corpus.ParseError{File: filepath.Join(zhDir, n), Offset: -1,
				Err: fmt.Errorf("no English document %s for it", filepath.Join(enDir, n))}
		}
		zp, ep, gp := filepath.Join(zhDir, n), filepath.Join(enDir, n), filepath.Join(goldDir, n+".align")
		if d.zh, err = readSide(zp, format, corpus.Chinese); err != nil {
			return nil, err
		}
		if d.en, err = readSide(ep, format, corpus.English); err != nil {
			return nil, err
		}
		f, err := openInput(gp)
		if err != nil {
			return nil, err
		}
		d.gold, err = align.ReadBeads(f, gp, len(d.zh), len(d.en))
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	return docs, nil
}

// evalNames lists the document names of dir: files without an extension.
func evalNames(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, inputError(dir, err)
	}
	var names []string
	for _, ent := range ents {
		n := ent.Name()
		if ent.IsDir() || strings.HasPrefix(n, ".") || strings.Contains(n, ".") {
			continue
		}
		names = append(names, n)
	}
	slices.Sort(names)
	return names, nil
}

// readSide reads one document of a pair, which must have sentences in
// its language.
func readSide(path string, format corpus.Format, lang corpus.Lang) ([]corpus.Sentence, error) {
	doc, err := corpus.ReadFile(path, corpus.ReadOptions{Format: format, Lang: lang})
	if err != nil {
		return nil, err
	}
	if len(doc.Sentences) == 0 {
		return nil, &corpus.ParseError{File: path, Offset: -1, Err: corpus.ErrEmpty}
	}
	if err := wrongLanguage(doc, path, lang); err != nil {
		return nil, err
	}
	return doc.Sentences, nil
}

func writeBeads(path string, beads []align.Bead) error {
	f, err := atomicfile.Create(path)
	if err != nil {
		return inputError(path, err)
	}
	defer f.Abort()
	for _, b := range beads {
		f.WriteString(align.FormatBead(b))
		f.WriteByte('\n')
	}
	return f.Commit()
}

func printEval(w io.Writer, c *align.Counts, ndocs, nzh, nen int, wall time.Duration) {
	s := c.Scores()
	fmt.Fprintf(w, "documents %d, sentences zh %d en %d, beads predicted %d gold %d (without 1-0/0-1: %d)\n",
		ndocs, nzh, nen, c.Pred, c.Gold, c.GoldNonNull)
	fmt.Fprintf(w, "                 strict    lax\n")
	fmt.Fprintf(w, "  precision      %.4f   %.4f\n", s.PStrict, s.PLax)
	fmt.Fprintf(w, "  recall         %.4f   %.4f\n", s.RStrict, s.RLax)
	fmt.Fprintf(w, "  F1             %.4f   %.4f\n", s.FStrict, s.FLax)
	fmt.Fprintf(w, "\n  recall by gold bead type     n  R_strict  R_lax\n")
	types := make([]string, 0, len(c.GoldType))
	for t := range c.GoldType {
		types = append(types, t)
	}
	slices.SortFunc(types, compareTypes)
	for _, t := range types {
		n := c.GoldType[t]
		lax := "   -  "
		if !strings.HasPrefix(t, "0-") && !strings.HasSuffix(t, "-0") {
			lax = fmt.Sprintf("%.4f", float64(c.GoldTypeLax[t])/float64(n))
		}
		fmt.Fprintf(w, "    %-8s %17d  %.4f    %s\n", t, n, float64(c.GoldTypeStrict[t])/float64(n), lax)
	}
	fmt.Fprintf(w, "\n  precision by predicted bead type     n  P_strict\n")
	types = types[:0]
	for t := range c.PredType {
		types = append(types, t)
	}
	slices.SortFunc(types, compareTypes)
	for _, t := range types {
		n := c.PredType[t]
		fmt.Fprintf(w, "    %-8s %25d  %.4f\n", t, n, float64(c.PredTypeStrict[t])/float64(n))
	}
	fmt.Fprintf(w, "\n  precision by confidence decile     n  P_strict\n")
	for d := range c.Decile {
		if c.Decile[d] == 0 {
			continue
		}
		fmt.Fprintf(w, "    [%.1f,%.1f) %24d  %.4f\n", float64(d)/10, float64(d+1)/10, c.Decile[d],
			float64(c.DecileStrict[d])/float64(c.Decile[d]))
	}
	fmt.Fprintf(w, "\n  wall time %.3fs, %.0f sentences/s, peak memory %s\n",
		wall.Seconds(), float64(nzh+nen)/wall.Seconds(), peakMemory())
}

// compareTypes orders bead types "m-n" by size, then m, then n.
func compareTypes(a, b string) int {
	am, an := splitType(a)
	bm, bn := splitType(b)
	if d := (am + an) - (bm + bn); d != 0 {
		return d
	}
	if am != bm {
		return am - bm
	}
	return an - bn
}

func splitType(t string) (int, int) {
	m, n, _ := strings.Cut(t, "-")
	a, _ := strconv.Atoi(m)
	b, _ := strconv.Atoi(n)
	return a, b
}

// peakMemory reports the process's peak resident set size.
func peakMemory() string {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return "unknown"
	}
	return fmt.Sprintf("%.1f MiB", float64(ru.Maxrss)/1024)
}
