// Command bitext aligns Chinese and English editions of the same text,
// extracts glossaries from aligned corpora, exports translation memories and
// checks translations against a glossary. Run "bitext help" for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/corpus"
)

// Exit codes.
const (
	ExitOK       = 0 // success, nothing to report
	ExitFindings = 1 // findings at or above the threshold, or some documents failed
	ExitError    = 2 // usage or input error
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// exitError carries an exit code out of a command action.
type exitError struct {
	code int
	err  error // may be nil: the command has already reported
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// usageErrorf reports a usage error (exit 2).
func usageErrorf(format string, args ...any) error {
	return &exitError{code: ExitError, err: fmt.Errorf(format, args...)}
}

// withCode wraps err with an exit code; a nil err with a code only sets the code.
func withCode(code int, err error) error { return &exitError{code: code, err: err} }

// env is what every command sees of the outside world.
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// run is the whole program; main only exits with its result.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr}
	app := &cli.App{
		Name:      "bitext",
		Usage:     "align Chinese and English texts, extract and check terminology",
		Version:   version,
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		Description: "bitext aligns the Chinese and English editions of the same story sentence by sentence,\n" +
			"exports translation memories (TMX), extracts glossaries of consistent term pairs\n" +
			"and checks new translations against a glossary. \"bitext demo\" shows it all on a\n" +
			"built-in sample.\n\n" +
			"Flags may come before or after the file arguments; -- ends the flags.\n" +
			"Exit status: 0 success, 1 findings (check) or some documents failed (align --batch),\n" +
			"2 usage or input error (one line naming the file and the line or byte offset).",
		Commands: []*cli.Command{
			splitCommand(e),
			alignCommand(e),
			evalCommand(e),
			convertCommand(e),
			glossaryCommand(e),
			checkCommand(e),
			concordCommand(e),
			demoCommand(e),
		},
		ExitErrHandler:  func(*cli.Context, error) {},
		HideHelpCommand: false,
		OnUsageError: func(c *cli.Context, err error, _ bool) error {
			return usageErrorf("%v", err)
		},
	}
	for _, c := range app.Commands {
		for _, f := range c.Flags {
			if b, ok := f.(*cli.BoolFlag); ok {
				b.DisableDefaultText = true // no "(default: false)" in help
			}
		}
		if c.OnUsageError == nil {
			c.OnUsageError = func(c *cli.Context, err error, _ bool) error {
				return usageErrorf("%s: %v", c.Command.Name, err)
			}
		}
	}
	if len(args) > 1 && !strings.HasPrefix(args[1], "-") && args[1] != "help" && args[1] != "h" && app.Command(args[1]) == nil {
		// urfave/cli would say "No help topic for …".
		fmt.Fprintf(stderr, "bitext: unknown command %q (bitext help lists the commands)\n", args[1])
		return ExitError
	}
	err := app.RunContext(ctx, flagsFirst(app, args))
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(stderr, "bitext: %v\n", ee.err)
		}
		return ee.code
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "bitext: interrupted")
		return ExitError
	}
	fmt.Fprintf(stderr, "bitext: %v\n", err)
	return ExitError
}

// flagsFirst returns args with the flags of the subcommand moved before its
// positional arguments: urfave/cli v2 stops reading flags at the first
// positional one, but "bitext split FILE --format jsonl" must work too. A
// flag that takes a value moves with it (--to tsv, -o FILE; --to=tsv is one
// argument); "--" ends the flags and stays in front of what follows it; a
// lone "-" (standard input) is a positional argument. Flags the command
// does not define (--help among them) are taken to need no value, and
// urfave/cli reports the unknown ones.
func flagsFirst(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	cmd := app.Command(args[1])
	if cmd == nil {
		return args
	}
	var flags, positional []string
	rest := args[2:]
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		if a == "--" {
			positional = append(positional, rest[i:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			positional = append(positional, a)
			continue
		}
		flags = append(flags, a)
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !hasValue && takesValue(cmd, name) && i+1 < len(rest) {
			i++
			flags = append(flags, rest[i])
		}
	}
	if i := slices.Index(positional, "--"); i > 0 {
		// Positionals before "--" go after it, with the rest.
		positional = append(append([]string{"--"}, positional[:i]...), positional[i+1:]...)
	}
	return slices.Concat(args[:2], flags, positional)
}

// takesValue reports whether the command's flag called name needs a value.
func takesValue(cmd *cli.Command, name string) bool {
	for _, f := range cmd.Flags {
		if slices.Contains(f.Names(), name) {
			tv, ok := f.(interface{ TakesValue() bool })
			return ok && tv.TakesValue()
		}
	}
	return false
}

// wrongLanguage is an error when doc, given on the command line as the
// lang edition, is written in the other language: ZH and EN swapped
// (corpus.CheckLang).
func wrongLanguage(doc *corpus.Document, path string, lang corpus.Lang) error {
	if corpus.CheckLang(doc, lang) == nil {
		return nil
	}
	given, is := "Chinese", "English"
	if lang == corpus.English {
		given, is = is, given
	}
	return usageErrorf("%s: given as the %s text, but it is %s (ZH comes first, then EN)", path, given, is)
}

// openInput opens a file given on the command line; its error names the
// file once ("x.tsv: no such file or directory", not "open x.tsv: …").
func openInput(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, inputError(path, err)
	}
	return f, nil
}

// inputError is err about the file path as a *corpus.ParseError, the
// operation of an *fs.PathError dropped.
func inputError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &corpus.ParseError{File: path, Offset: -1, Err: err}
}

// atLeast is the Action of an integer flag that must be min or more.
func atLeast(name string, min int) func(*cli.Context, int) error {
	return func(_ *cli.Context, v int) error {
		if v < min {
			return usageErrorf("--%s %d: want %d or more", name, v, min)
		}
		return nil
	}
}
