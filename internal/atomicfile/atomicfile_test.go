package atomicfile

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestCreateError: a file that cannot be created is named in the error,
// not its temporary file.
func TestCreateError(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "no-such-dir", "out.tmx")
	_, err := Create(path)
	if err == nil || !errors.Is(err, fs.ErrNotExist) || err.Error() != "create "+path+": no such file or directory" || strings.Contains(err.Error(), ".tmp-") {
		t.Errorf("Create(%s): %v", path, err)
	}
}

// TestCreateDirectory: a directory given as the output is refused at once.
func TestCreateDirectory(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if _, err := Create(dir); err == nil || err.Error() != "create "+dir+": is a directory" {
		t.Errorf("Create(%s): %v", dir, err)
	}
}
