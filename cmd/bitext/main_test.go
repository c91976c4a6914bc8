package main

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
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
	for _, args := range [][]string{{"--no-such-flag"}, {"split", "--no-such-flag"}} {
		code, _, stderr := runCLI(t, "", args...)
		if code != ExitError {
			t.Errorf("%v: exit %d, want %d (stderr %q)", args, code, ExitError, stderr)
		}
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	code, out, _ := runCLI(t, "", "--help")
	if code != ExitOK || !strings.Contains(out, "align") {
		t.Fatalf("help: exit %d, output %q", code, out)
	}
}
