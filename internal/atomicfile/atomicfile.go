// Package atomicfile writes output files so that a reader never sees a
// half-written file: data goes to a temporary file in the same directory,
// which is renamed over the target only on Commit.
package atomicfile

import (
	"bufio"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// File is an output file under construction. Write to it, then call Commit;
// call Abort (or defer it: it is a no-op after Commit) to discard it.
type File struct {
	*bufio.Writer
	f      *os.File
	target string
	done   bool
}

// Create starts writing path. The temporary file is created beside it.
func Create(path string) (*File, error) {
	// A directory cannot be replaced: say so before any work is done, not
	// when the rename fails at the end.
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, &fs.PathError{Op: "create", Path: path, Err: errors.New("is a directory")}
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		// Name the file the user asked for, not the temporary one.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = &fs.PathError{Op: "create", Path: path, Err: pe.Err}
		}
		return nil, err
	}
	return &File{Writer: bufio.NewWriterSize(f, 64<<10), f: f, target: path}, nil
}

// TempName is the temporary file's path (for tests and signal handlers).
func (a *File) TempName() string { return a.f.Name() }

// Commit flushes, syncs and renames the file into place.
func (a *File) Commit() error {
	if a.done {
		return nil
	}
	a.done = true
	err := a.Writer.Flush()
	if err == nil {
		err = a.f.Sync()
	}
	if cerr := a.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(a.f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(a.f.Name(), a.target)
	}
	if err != nil {
		os.Remove(a.f.Name())
	}
	return err
}

// Abort discards the file. It is safe to call after Commit.
func (a *File) Abort() {
	if a.done {
		return
	}
	a.done = true
	a.f.Close()
	os.Remove(a.f.Name())
}

// WriteFile writes data to path atomically.
func WriteFile(path string, data []byte) error {
	f, err := Create(path)
	if err != nil {
		return err
	}
	defer f.Abort()
	if _, err := f.Write(data); err != nil {
		return err
	}
	return f.Commit()
}
