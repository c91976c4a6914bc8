package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/corpus/batch"
	"github.com/bitext/bitext/corpus/tm"
	"github.com/bitext/bitext/internal/atomicfile"
	"github.com/bitext/bitext/report"
	"github.com/urfave/cli/v2"
)

// batchFlags are the flags align --batch adds to the align command's.
func batchFlags() []cli.Flag {
	return append([]cli.Flag{
		&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, DefaultText: "all cores", Usage: "batch: align with `N` workers", Action: atLeast("jobs", 0)},
		&cli.StringFlag{Name: "out-dir", Usage: "batch: write one file per document into `DIR` (required for --format beads)"},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "batch: no progress bar, no summary"},
		&cli.BoolFlag{Name: "omissions", Usage: "tmx (and tsv, jsonl with --batch): also write 1-0 and 0-1 beads (one side empty) as units"},
		&cli.Float64Flag{Name: "split-confidence", Usage: "batch: write beads below `X` to a second file (for OmegaT's tm/penalty-NN/ folder)"},
		&cli.StringFlag{Name: "split-output", DefaultText: "NAME.low.EXT beside -o", Usage: "batch: the second `FILE` of --split-confidence"},
		&cli.Float64Flag{Name: "low-confidence", Value: batch.DefaultLowConfidence, Usage: "beads below `X` count as low-confidence in the batch summary and the html report"},
		&cli.BoolFlag{Name: "no-corpus-model", Usage: "batch: do not learn a translation table over the whole batch first"},
	}, tmxFlags()...)
}

// batchRun is one align --batch invocation.
type batchRun struct {
	e         *env
	format    string // tmx, tsv, jsonl, beads or html
	settings  tmxSettings
	minConf   float64
	split     float64 // 0: no second file
	omissions bool
	written   int // units (or beads) written
	low       int // units written to the split file
	dropped   int // characters dropped from TMX
}

// runBatch is align --batch: align every document pair of the sources
// into one translation memory (-o) or one file per document (--out-dir).
func runBatch(e *env, c *cli.Context) error {
	r := &batchRun{e: e, minConf: c.Float64("min-confidence"), split: c.Float64("split-confidence"), omissions: c.Bool("omissions")}
	sources := c.Args().Slice()
	if len(sources) == 0 {
		return usageErrorf("align --batch: name at least one SOURCE (directory, manifest .tsv, .jsonl file)")
	}
	readFormat, err := corpus.ParseFormat(c.String("input"))
	if err != nil || readFormat == corpus.FormatBilingual {
		return usageErrorf("align --batch: --input %q: want auto, text, lines, html or markdown", c.String("input"))
	}
	output, outDir := c.String("output"), c.String("out-dir")
	if output != "" && outDir != "" {
		return usageErrorf("align --batch: give -o FILE or --out-dir DIR, not both")
	}
	r.format = "tmx"
	if c.IsSet("format") {
		r.format = c.String("format")
	} else if f := outputFormat(output); f != "" {
		r.format = f
	}
	switch r.format {
	case "tmx", "tsv", "jsonl":
	case "beads":
		if outDir == "" {
			return usageErrorf("align --batch: --format beads writes one .align file per document: give --out-dir DIR")
		}
	case "html":
		if outDir != "" || c.IsSet("split-confidence") {
			return usageErrorf("align --batch: --format html writes one report of the whole batch: give -o FILE, without --out-dir or --split-confidence")
		}
	default:
		return usageErrorf("align --batch: unknown --format %q (want tmx, tsv, jsonl, beads or html)", r.format)
	}
	if r.minConf < 0 || r.minConf > 1 || r.split < 0 || r.split > 1 {
		return usageErrorf("align --batch: confidences are between 0 and 1")
	}
	if r.split > 0 && output == "" {
		return usageErrorf("align --batch: --split-confidence needs -o FILE")
	}
	if r.settings, err = parseTMXFlags(c, e); err != nil {
		return err
	}
	if _, err := tm.NewWriter(tm.TSV, io.Discard, tm.WriterOptions{Columns: r.settings.columns}); err != nil {
		return usageErrorf("align --batch: --columns: %v", err)
	}
	a, err := newAligner(c)
	if err != nil {
		return withCode(ExitError, err)
	}

	pairs, unpaired, err := batch.Collect(sources)
	if err != nil {
		return withCode(ExitError, err)
	}
	quiet := c.Bool("quiet")
	bar := newBar(e, quiet, len(pairs))
	b := batch.New(pairs, batch.Options{
		Read:          corpus.ReadOptions{Format: readFormat, Encoding: c.String("encoding")},
		Aligner:       a,
		Workers:       c.Int("jobs"),
		NoCorpusModel: c.Bool("no-corpus-model"),
		LowConfidence: c.Float64("low-confidence"),
		Progress:      bar.update,
	})
	start := time.Now()
	var sink sink
	switch {
	case r.format == "html":
		sink, err = r.newHTMLSink(output, newAlignHTML("bitext align --batch: "+strings.Join(sources, " "), c.StringSlice("dict"), c.Float64("low-confidence")))
	case outDir != "":
		sink, err = r.newDirSink(outDir)
	default:
		sink, err = r.newFileSink(output, c.String("split-output"))
	}
	if err != nil {
		return withCode(ExitError, err)
	}
	err = b.Learn(e.ctx)
	if err == nil {
		r.settings.header.ZHLang = chineseCode(e, r.settings.header.ZHLang, b.Traditional())
		err = b.Align(e.ctx, sink.write)
	}
	bar.clear()
	if hs, ok := sink.(*htmlSink); ok && err == nil {
		hs.h.stats = batchStats(b.Stats(), len(unpaired))
	}
	if err == nil && b.Stats().Documents == 0 {
		// Nothing to write: an existing output is kept, not replaced by
		// an empty memory.
		sink.abort()
		reportSkipped(e.stderr, append(unpaired, b.Stats().Failed...))
		return withCode(ExitError, errors.New("align --batch: no document could be aligned; nothing written"))
	}
	if err == nil {
		err = sink.commit()
	}
	if err != nil {
		sink.abort()
		if errors.Is(err, e.ctx.Err()) {
			return err
		}
		return withCode(ExitError, err)
	}
	stats := b.Stats()
	failed := append(unpaired, stats.Failed...)
	reportSkipped(e.stderr, failed)
	if !quiet {
		r.summary(e.stderr, stats, len(failed), time.Since(start), sink.name())
	}
	if len(failed) > 0 {
		return withCode(ExitFindings, nil)
	}
	return nil
}

// reportSkipped prints a line for each document a batch skipped.
func reportSkipped(w io.Writer, failed []batch.Failure) {
	for _, f := range failed {
		if strings.HasPrefix(f.Reason, f.File) {
			// The reason names the file already, with a line or offset.
			fmt.Fprintf(w, "bitext: skipped %s\n", f.Reason)
		} else {
			fmt.Fprintf(w, "bitext: skipped %s: %s\n", f.File, f.Reason)
		}
	}
}

// outputFormat is the --format an output file's extension implies (tmx,
// tsv, jsonl, html), or "".
func outputFormat(path string) string {
	if path == "" {
		return ""
	}
	if f, err := tm.FormatOf(path); err == nil {
		return string(f)
	}
	if ext := strings.ToLower(filepath.Ext(path)); ext == ".html" || ext == ".htm" {
		return "html"
	}
	return ""
}

// units turns an aligned document into translation units: beads with both
// sides (all beads with --omissions) at or above --min-confidence.
func (r *batchRun) units(res *batch.Result) []tm.Unit {
	var units []tm.Unit
	for k, b := range res.Beads {
		if (len(b.ZH) == 0 || len(b.EN) == 0) && !r.omissions || b.Confidence < r.minConf {
			continue
		}
		u := tm.Unit{
			ID:            fmt.Sprintf("%s-%d", res.ID, k+1),
			ZH:            joinText(res.ZH.Sentences, b.ZH, ""),
			EN:            joinText(res.EN.Sentences, b.EN, " "),
			Doc:           res.ID,
			Bead:          align.TypeOf(b),
			Confidence:    b.Confidence,
			HasConfidence: true,
		}
		if res.Date != "" {
			u.Props = []tm.Prop{{Type: "x-bitext-date", Value: res.Date}}
		}
		units = append(units, u)
	}
	return units
}

// sink is where aligned documents go.
type sink interface {
	write(*batch.Result) error
	commit() error
	abort()
	name() string
}

// output is one file written through atomicfile (or standard output)
// with a unit writer, made at the first unit: the TMX header is settled
// only after the first pass, but the file is created before it so that an
// unwritable path fails at once.
type output struct {
	r    *batchRun
	file *atomicfile.File // nil: standard output
	w    tm.UnitWriter
}

// create starts the output file path ("" is standard output).
func (r *batchRun) create(path string) (*output, error) {
	o := &output{r: r}
	if path != "" {
		f, err := atomicfile.Create(path)
		if err != nil {
			return nil, err
		}
		o.file = f
	}
	return o, nil
}

// writer makes the unit writer at first use.
func (o *output) writer() (tm.UnitWriter, error) {
	if o.w == nil {
		var dst io.Writer = o.r.e.stdout
		if o.file != nil {
			dst = o.file
		}
		w, err := tm.NewWriter(tm.Format(o.r.format), dst, tm.WriterOptions{Header: o.r.settings.header, Columns: o.r.settings.columns})
		if err != nil {
			return nil, err
		}
		o.w = w
	}
	return o.w, nil
}

func (o *output) write(u tm.Unit) error {
	w, err := o.writer()
	if err != nil {
		return err
	}
	return w.Write(u)
}

// close ends the file (an empty memory still gets its header) and moves
// it into place.
func (o *output) close() error {
	w, err := o.writer()
	if err != nil {
		return err
	}
	err = w.Close()
	if tw, ok := w.(*tm.TMXWriter); ok {
		o.r.dropped += tw.Dropped()
	}
	if err == nil && o.file != nil {
		err = o.file.Commit()
	}
	return err
}

func (o *output) abort() {
	if o.file != nil {
		o.file.Abort()
	}
}

// fileSink writes the whole batch into one file (standard output when the
// path is empty), and low-confidence units into a second one.
type fileSink struct {
	r        *batchRun
	main     *output
	low      *output // nil without --split-confidence
	label    string
	lowLabel string
}

func (r *batchRun) newFileSink(path, splitPath string) (*fileSink, error) {
	s := &fileSink{r: r, label: path}
	if path == "" {
		s.label = "standard output"
	}
	var err error
	if s.main, err = r.create(path); err != nil {
		return nil, err
	}
	if r.split > 0 {
		if splitPath == "" {
			ext := filepath.Ext(path)
			splitPath = strings.TrimSuffix(path, ext) + ".low" + ext
		}
		if s.low, err = r.create(splitPath); err != nil {
			s.main.abort()
			return nil, err
		}
		s.lowLabel = splitPath
	}
	return s, nil
}

func (s *fileSink) write(res *batch.Result) error {
	for _, u := range s.r.units(res) {
		o := s.main
		if s.low != nil && u.Confidence < s.r.split {
			o = s.low
			s.r.low++
		} else {
			s.r.written++
		}
		if err := o.write(u); err != nil {
			return err
		}
	}
	return nil
}

func (s *fileSink) commit() error {
	if s.low != nil {
		if err := s.low.close(); err != nil {
			return err
		}
	}
	return s.main.close()
}

func (s *fileSink) abort() {
	s.main.abort()
	if s.low != nil {
		s.low.abort()
	}
}

func (s *fileSink) name() string {
	if s.low != nil {
		return fmt.Sprintf("%s (%d below %.2f to %s)", s.label, s.r.low, s.r.split, s.lowLabel)
	}
	return s.label
}

// htmlSink collects the whole batch into one HTML review report (package
// report), written at the end: the report shows every bead, so it holds
// every document until then.
type htmlSink struct {
	r     *batchRun
	out   *output
	h     *alignHTML
	label string
}

func (r *batchRun) newHTMLSink(path string, h *alignHTML) (*htmlSink, error) {
	o, err := r.create(path)
	if err != nil {
		return nil, err
	}
	label := path
	if path == "" {
		label = "standard output"
	}
	return &htmlSink{r: r, out: o, h: h, label: label}, nil
}

func (s *htmlSink) write(res *batch.Result) error {
	s.h.add(res.ID, res.ZH.Sentences, res.EN.Sentences, res.Beads)
	s.r.written += len(res.Beads)
	return nil
}

func (s *htmlSink) commit() error {
	var dst io.Writer = s.r.e.stdout
	if s.out.file != nil {
		dst = s.out.file
	}
	if err := s.h.write(dst); err != nil {
		return err
	}
	if s.out.file != nil {
		return s.out.file.Commit()
	}
	return nil
}

func (s *htmlSink) abort()       { s.out.abort() }
func (s *htmlSink) name() string { return s.label }

// batchStats are the figures of a batch shown in the HTML report's header.
func batchStats(st batch.Stats, unpaired int) []report.Stat {
	stats := []report.Stat{
		{Label: "Documents", Value: strconv.Itoa(st.Documents)},
		{Label: "Sentences (zh / en)", Value: fmt.Sprintf("%d / %d", st.ZHSentences, st.ENSentences)},
		{Label: "Unaligned sentences", Value: strconv.Itoa(st.Unaligned)},
	}
	if n := len(st.Failed) + unpaired; n > 0 {
		stats = append(stats, report.Stat{Label: "Documents skipped", Value: strconv.Itoa(n)})
	}
	return stats
}

// dirSink writes one file per document into a staging directory inside
// DIR, moved into DIR only when the whole batch has succeeded.
type dirSink struct {
	r       *batchRun
	dir     string
	staging string
	files   []string
	used    map[string]bool // file names given so far
}

func (r *batchRun) newDirSink(dir string) (*dirSink, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	staging, err := os.MkdirTemp(dir, ".bitext-batch-*")
	if err != nil {
		return nil, err
	}
	return &dirSink{r: r, dir: dir, staging: staging, used: make(map[string]bool)}, nil
}

// fileName turns a document id into a file name: path separators, colons
// and control characters become _.
func fileName(id, ext string) string {
	base := strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' || r < 0x20 || r == 0x7F {
			return '_'
		}
		return r
	}, id)
	if base == "" || base == "." || base == ".." {
		base = "_" + base
	}
	return base + ext
}

// unique returns the file name of document id, numbered (a_b-2.tmx) when
// an earlier document of the batch took the name (ids a/b and a_b).
func (s *dirSink) unique(id, ext string) string {
	name := fileName(id, ext)
	for k := 2; s.used[name]; k++ {
		name = fileName(id, fmt.Sprintf("-%d%s", k, ext))
	}
	s.used[name] = true
	return name
}

func (s *dirSink) write(res *batch.Result) error {
	if s.r.format == "beads" {
		name := s.unique(res.ID, ".align")
		var sb strings.Builder
		for _, b := range res.Beads {
			if b.Confidence >= s.r.minConf {
				sb.WriteString(align.FormatBead(b))
				sb.WriteByte('\n')
				s.r.written++
			}
		}
		s.files = append(s.files, name)
		return os.WriteFile(filepath.Join(s.staging, name), []byte(sb.String()), 0o644)
	}
	name := s.unique(res.ID, "."+s.r.format)
	o, err := s.r.create(filepath.Join(s.staging, name))
	if err != nil {
		return err
	}
	defer o.abort()
	for _, u := range s.r.units(res) {
		if err := o.write(u); err != nil {
			return err
		}
		s.r.written++
	}
	s.files = append(s.files, name)
	return o.close()
}

func (s *dirSink) commit() error {
	for _, name := range s.files {
		if err := os.Rename(filepath.Join(s.staging, name), filepath.Join(s.dir, name)); err != nil {
			return err
		}
	}
	return os.RemoveAll(s.staging)
}

func (s *dirSink) abort() { os.RemoveAll(s.staging) }

func (s *dirSink) name() string { return fmt.Sprintf("%d files in %s", len(s.files), s.dir) }

// summary prints what the batch did.
func (r *batchRun) summary(w io.Writer, s batch.Stats, failed int, elapsed time.Duration, dest string) {
	pct := func(n, of int) float64 {
		if of == 0 {
			return 0
		}
		return 100 * float64(n) / float64(of)
	}
	fmt.Fprintf(w, "bitext: %d documents aligned, %d failed; %d Chinese and %d English sentences; %d beads in %.1fs (learning %.1fs, aligning %.1fs)\n",
		s.Documents, failed, s.ZHSentences, s.ENSentences, s.Beads, elapsed.Seconds(), s.LearnTime.Seconds(), s.AlignTime.Seconds())
	var types []string
	for _, t := range s.Types() {
		types = append(types, fmt.Sprintf("%s %d (%.1f%%)", t, s.BeadTypes[t], pct(s.BeadTypes[t], s.Beads)))
	}
	fmt.Fprintf(w, "  bead types: %s\n", strings.Join(types, ", "))
	fmt.Fprintf(w, "  low confidence (< %.2f): %d beads (%.1f%%); unaligned sentences (1-0, 0-1): %d\n",
		s.Threshold, s.LowConfidence, pct(s.LowConfidence, s.Beads), s.Unaligned)
	unit := "units"
	if r.format == "beads" {
		unit = "beads"
	}
	fmt.Fprintf(w, "  wrote %d %s to %s; %d control characters dropped\n", r.written+r.low, unit, dest, r.dropped)
	if s.ModelWords > 0 {
		fmt.Fprintf(w, "  corpus model: renderings for %d Chinese words\n", s.ModelWords)
	}
}

// bar is the progress bar on a terminal; its methods do nothing when
// there is none.
type bar struct{ pb *progressbar.ProgressBar }

func newBar(e *env, quiet bool, total int) *bar {
	f, ok := e.stderr.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) {
		return &bar{}
	}
	return &bar{pb: progressbar.NewOptions(total,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription("learning"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("docs"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)}
}

func (b *bar) update(p batch.Progress) {
	if b.pb == nil {
		return
	}
	if p.Done == 1 {
		b.pb.Reset()
	}
	b.pb.Describe(fmt.Sprintf("%s · %d sentences", p.Phase, p.Sentences))
	b.pb.Set(p.Done)
}

func (b *bar) clear() {
	if b.pb != nil {
		b.pb.Clear()
	}
}
