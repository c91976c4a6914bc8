package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/corpus/tm"
	"github.com/bitext/bitext/internal/atomicfile"
	"github.com/urfave/cli/v2"
)

// tmxFlags are the flags that shape a TMX file, shared by convert and
// align --batch.
func tmxFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "zh-lang", DefaultText: "zh-CN or zh-TW by the script detected", Usage: "language `CODE` of the Chinese side in TMX (zh-HK, …)"},
		&cli.StringFlag{Name: "en-lang", Value: "en-US", Usage: "language `CODE` of the English side in TMX (en-GB, …)"},
		&cli.StringFlag{Name: "source", Value: "zh", Usage: "source `LANG` of the TMX: zh or en (written first, named by srclang)"},
		&cli.StringFlag{Name: "date", Usage: "TMX creationdate (`DATE`: 2006-01-02 or RFC 3339; default $SOURCE_DATE_EPOCH, else none)"},
		&cli.StringFlag{Name: "columns", DefaultText: "zh,en without a header", Usage: "TSV output `COLUMNS`, comma-separated from " + strings.Join(tm.AllColumns, ",")},
	}
}

// tmxSettings are the parsed tmxFlags.
type tmxSettings struct {
	header  tm.Header // ZHLang empty when it is to be detected
	columns []string
}

func parseTMXFlags(c *cli.Context, e *env) (tmxSettings, error) {
	var s tmxSettings
	s.header = tm.Header{ZHLang: c.String("zh-lang"), ENLang: c.String("en-lang"), CreationToolVersion: version}
	if s.header.ZHLang != "" && tm.LangOf(s.header.ZHLang) != corpus.Chinese {
		return s, usageErrorf("%s: --zh-lang %q is not a Chinese language code", c.Command.Name, s.header.ZHLang)
	}
	if tm.LangOf(s.header.ENLang) != corpus.English {
		return s, usageErrorf("%s: --en-lang %q is not an English language code", c.Command.Name, s.header.ENLang)
	}
	switch c.String("source") {
	case "zh", "":
	case "en":
		s.header.Source = corpus.English
	default:
		return s, usageErrorf("%s: --source %q: want zh or en", c.Command.Name, c.String("source"))
	}
	date, err := creationDate(c.String("date"))
	if err != nil {
		return s, usageErrorf("%s: %v", c.Command.Name, err)
	}
	s.header.CreationDate = date
	if cols := c.String("columns"); cols != "" {
		s.columns = strings.Split(cols, ",")
	}
	return s, nil
}

// creationDate parses --date, falling back to $SOURCE_DATE_EPOCH; zero
// when neither is set.
func creationDate(flag string) (time.Time, error) {
	if flag != "" {
		for _, layout := range []string{"2006-01-02", time.RFC3339, "20060102T150405Z"} {
			if t, err := time.Parse(layout, flag); err == nil {
				return t.UTC(), nil
			}
		}
		return time.Time{}, fmt.Errorf("--date %q: want 2006-01-02, RFC 3339 or 20060102T150405Z", flag)
	}
	if epoch := os.Getenv("SOURCE_DATE_EPOCH"); epoch != "" {
		sec, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", epoch)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	return time.Time{}, nil
}

// chineseCode settles the Chinese language code: the one asked for (with
// a warning when it names the other script than the one detected), else
// zh-TW for Traditional and zh-CN for Simplified text.
func chineseCode(e *env, asked string, traditional bool) string {
	detected := "zh-CN"
	if traditional {
		detected = "zh-TW"
	}
	if asked == "" {
		return detected
	}
	if trad, known := tm.CodeIsTraditional(asked); known && trad != traditional {
		script := "Simplified"
		if traditional {
			script = "Traditional"
		}
		fmt.Fprintf(e.stderr, "bitext: warning: --zh-lang %s, but the Chinese text is in %s script (%s)\n", asked, script, detected)
	}
	return asked
}

// scriptSample is how many units convert looks at to tell the script.
const scriptSample = 2000

func convertCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "convert",
		Usage:     "convert a translation memory between TMX, TSV and JSON Lines",
		ArgsUsage: "IN OUT  (- for standard input or output, with --from or --to)",
		Description: "Formats are told by the extension (.tmx, .tsv, .jsonl) unless --from or --to says:\n" +
			"   tmx    TMX 1.4 out; in, TMX 1.1 to 1.4 from any tool (UTF-8 or UTF-16, with or\n" +
			"          without BOM); the Chinese and English variants of each unit are taken by\n" +
			"          language, units lacking one are skipped\n" +
			"   tsv    zh<TAB>en per line (more columns with --columns), with \\t, \\n and \\\\ escaped\n" +
			"   jsonl  one {\"zh\":…,\"en\":…} object per line (id, doc, bead, confidence if known)\n" +
			"Characters XML cannot carry are dropped from TMX output and counted on standard error.\n" +
			"The output file is written only when the whole input was read.\n\n" +
			"Examples:\n" +
			"   bitext convert memory.tmx memory.tsv\n" +
			"   bitext convert --to tmx --date 2025-06-19 pairs.tsv - > memory.tmx\n\n" +
			"Exit status: 0 success; 2 usage or input error (malformed TMX, TSV or JSON Lines),\n" +
			"reported on one line naming the file and line.",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "from", Usage: "input `FORMAT`: tmx, tsv or jsonl (default: from the extension of IN)"},
			&cli.StringFlag{Name: "to", Usage: "output `FORMAT`: tmx, tsv or jsonl (default: from the extension of OUT)"},
			&cli.Float64Flag{Name: "min-confidence", Usage: "leave out units whose x-bitext-confidence is below `X`"},
		}, tmxFlags()...),
		Action: func(c *cli.Context) error { return runConvert(e, c) },
	}
}

// noBilingualUnit is an error when r, having read n units, turns out to be
// a TMX none of whose units has both a Chinese and an English variant (a
// memory in other languages), and nil otherwise.
func noBilingualUnit(r tm.UnitReader, path string, n int) error {
	if tr, ok := r.(*tm.TMXReader); ok && n == 0 && tr.Skipped() > 0 {
		return &corpus.ParseError{File: path, Offset: -1,
			Err: fmt.Errorf("none of its %d units has both a Chinese and an English variant", tr.Skipped())}
	}
	return nil
}

func formatFor(c *cli.Context, flag, path string) (tm.Format, error) {
	if s := c.String(flag); s != "" {
		return tm.ParseFormat(s)
	}
	if path == "-" {
		return "", fmt.Errorf("--%s is needed with -", flag)
	}
	return tm.FormatOf(path)
}

func runConvert(e *env, c *cli.Context) error {
	if c.NArg() != 2 {
		return usageErrorf("convert: want IN OUT, got %d arguments", c.NArg())
	}
	in, out := c.Args().Get(0), c.Args().Get(1)
	from, err := formatFor(c, "from", in)
	if err != nil {
		return usageErrorf("convert: %v", err)
	}
	to, err := formatFor(c, "to", out)
	if err != nil {
		return usageErrorf("convert: %v", err)
	}
	settings, err := parseTMXFlags(c, e)
	if err != nil {
		return err
	}
	minConf := c.Float64("min-confidence")

	var src io.Reader = e.stdin
	if in != "-" {
		f, err := openInput(in)
		if err != nil {
			return withCode(ExitError, err)
		}
		defer f.Close()
		src = f
	}
	r, err := tm.NewReader(from, src, in)
	if err != nil {
		return usageErrorf("convert: %v", err)
	}

	// Look ahead at the first units to settle the Chinese language code.
	var ahead []tm.Unit
	var sample strings.Builder
	more := true
	for len(ahead) < scriptSample {
		if more = r.Scan(); !more {
			break
		}
		u := r.Unit()
		ahead = append(ahead, u)
		sample.WriteString(u.ZH)
	}
	if err := r.Err(); err != nil {
		return withCode(ExitError, err)
	}
	h := settings.header
	if tr, ok := r.(*tm.TMXReader); ok {
		// Keep the languages of the input unless told otherwise.
		in := tr.Header()
		if h.ZHLang == "" {
			h.ZHLang = in.ZHLang
		}
		if !c.IsSet("en-lang") && in.ENLang != "" {
			h.ENLang = in.ENLang
		}
		if !c.IsSet("source") {
			h.Source = in.Source
		}
	}
	if h.ZHLang == "" || c.IsSet("zh-lang") {
		h.ZHLang = chineseCode(e, h.ZHLang, corpus.IsTraditional(sample.String()))
	}

	var dst io.Writer = e.stdout
	var file *atomicfile.File
	if out != "-" {
		if file, err = atomicfile.Create(out); err != nil {
			return withCode(ExitError, err)
		}
		defer file.Abort()
		dst = file
	}
	w, err := tm.NewWriter(to, dst, tm.WriterOptions{Header: h, Columns: settings.columns})
	if err != nil {
		return usageErrorf("convert: %v", err)
	}
	n, skipped := 0, 0
	write := func(u tm.Unit) error {
		if u.HasConfidence && u.Confidence < minConf {
			skipped++
			return nil
		}
		n++
		return w.Write(u)
	}
	for _, u := range ahead {
		if err := write(u); err != nil {
			return withCode(ExitError, err)
		}
	}
	for more && r.Scan() {
		if err := e.ctx.Err(); err != nil {
			return err
		}
		if err := write(r.Unit()); err != nil {
			return withCode(ExitError, err)
		}
	}
	if err := r.Err(); err != nil {
		return withCode(ExitError, err)
	}
	if err := noBilingualUnit(r, in, n); err != nil {
		return withCode(ExitError, err)
	}
	if err := w.Close(); err != nil {
		return withCode(ExitError, err)
	}
	if file != nil {
		if err := file.Commit(); err != nil {
			return withCode(ExitError, err)
		}
	}
	msg := fmt.Sprintf("bitext: %d units written to %s", n, out)
	if skipped > 0 {
		msg += fmt.Sprintf(", %d below --min-confidence left out", skipped)
	}
	if tr, ok := r.(*tm.TMXReader); ok && tr.Skipped() > 0 {
		msg += fmt.Sprintf(", %d units without both a Chinese and an English variant skipped", tr.Skipped())
	}
	if tw, ok := w.(*tm.TMXWriter); ok && tw.Dropped() > 0 {
		msg += fmt.Sprintf(", %d characters XML cannot carry dropped", tw.Dropped())
	}
	if out != "-" {
		fmt.Fprintln(e.stderr, msg)
	}
	return nil
}
