package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/urfave/cli/v2"
)

// cliMu serialises in-process runs: urfave/cli v2 writes to package-level
// flags (cli.HelpFlag) while it sets a command up, a data race when parallel
// tests run commands at the same time.
var cliMu sync.Mutex

// runCLI runs bitext in-process and returns its exit code and outputs.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cliMu.Lock()
	defer cliMu.Unlock()
	var out, errb bytes.Buffer
	code = run(context.Background(), append([]string{"bitext"}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageErrors(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"--no-such-flag"}, {"split", "--no-such-flag"}, {"nosuch", "x"}} {
		code, _, stderr := runCLI(t, "", args...)
		if code != ExitError || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, want %d and one line (stderr %q)", args, code, ExitError, stderr)
		}
	}
	if _, _, stderr := runCLI(t, "", "nosuch"); !strings.Contains(stderr, `unknown command "nosuch"`) {
		t.Errorf("unknown command: %q", stderr)
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	code, out, _ := runCLI(t, "", "--help")
	if code != ExitOK || !strings.Contains(out, "align") || !strings.Contains(out, "Exit status:") {
		t.Fatalf("help: exit %d, output %q", code, out)
	}
}

func TestFlagsFirst(t *testing.T) {
	t.Parallel()
	app := &cli.App{Commands: []*cli.Command{
		splitCommand(&env{}), convertCommand(&env{}), checkCommand(&env{}),
	}}
	tests := []struct{ in, want string }{
		{"split FILE --format jsonl", "split --format jsonl FILE"},
		{"split FILE -f=jsonl", "split -f=jsonl FILE"},
		{"split - --format jsonl", "split --format jsonl -"},
		{"convert IN --to tsv OUT", "convert --to tsv IN OUT"},
		{"check ZH EN -g G --no-numbers --format json", "check -g G --no-numbers --format json ZH EN"},
		{"check --no-numbers ZH EN", "check --no-numbers ZH EN"},
		{"split FILE -- --format", "split -- FILE --format"},
		{"split FILE --help", "split --help FILE"},
		{"split FILE --format", "split --format FILE"}, // no value left: urfave/cli reports it
		{"help split", "help split"},
		{"nosuch FILE --x y", "nosuch FILE --x y"},
	}
	for _, tt := range tests {
		got := flagsFirst(app, append([]string{"bitext"}, strings.Fields(tt.in)...))
		if g := strings.Join(got[1:], " "); g != tt.want {
			t.Errorf("flagsFirst(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}

// TestFlagsAfterPositionals runs commands with their flags last.
func TestFlagsAfterPositionals(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tsv := filepath.Join(dir, "in.tsv")
	if err := os.WriteFile(tsv, []byte("双方同意加强合作。\tThe two sides agreed to strengthen cooperation.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, "", "split", seedBilingual, "--format", "jsonl")
	if code != ExitOK || !strings.HasPrefix(out, `{"text":`) {
		t.Errorf("split FILE --format jsonl: exit %d, stderr %q, output %.80q", code, stderr, out)
	}
	code, out, stderr = runCLI(t, "我们。\n", "split", "-", "--lang", "zh", "--format", "jsonl")
	if code != ExitOK || !strings.Contains(out, `"lang":"zh"`) {
		t.Errorf("split - --lang zh --format jsonl: exit %d, stderr %q, output %q", code, stderr, out)
	}
	tmx := filepath.Join(dir, "out.tmx")
	code, _, stderr = runCLI(t, "", "convert", tsv, "--to", "tmx", tmx)
	if data, err := os.ReadFile(tmx); code != ExitOK || err != nil || !bytes.Contains(data, []byte("<tmx")) {
		t.Errorf("convert IN --to tmx OUT: exit %d, stderr %q, read %v", code, stderr, err)
	}
}

// TestHelpTexts checks what every command's help must say: the exit status,
// named placeholders instead of urfave/cli's "value", no "(default: false)".
func TestHelpTexts(t *testing.T) {
	t.Parallel()
	for _, cmd := range []string{"split", "align", "eval", "convert", "glossary", "check", "concord", "demo"} {
		code, out, stderr := runCLI(t, "", "help", cmd)
		if code != ExitOK {
			t.Errorf("help %s: exit %d, stderr %q", cmd, code, stderr)
			continue
		}
		if strings.Contains(out, "(default: false)") {
			t.Errorf("help %s shows (default: false)", cmd)
		}
		switch cmd {
		case "align", "eval", "glossary": // not ours to edit yet
			continue
		}
		if !strings.Contains(out, "Exit status:") {
			t.Errorf("help %s does not say what the exit status means", cmd)
		}
		if strings.Contains(out, " value") {
			t.Errorf("help %s has an unnamed flag value:\n%s", cmd, out)
		}
	}
}
