package corpus

import (
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// readPath reads one path given by the user: a file of a known type, or a
// directory to walk.
func (l limits) readPath(p string, yield yieldFunc) bool {
	info, err := os.Stat(p) // follows symlinks
	if err != nil {
		return fail(yield, cleanName(p), err)
	}
	if info.IsDir() {
		return l.walkDir(p, []os.FileInfo{info}, yield)
	}
	return l.readFile(p, info, true, yield)
}

// walkDir reads the files under dir in sorted order. ancestors holds the
// directories from the walk's root down to dir, to detect a symlink that
// leads back into one of them. Only names are held per directory level.
func (l limits) walkDir(dir string, ancestors []os.FileInfo, yield yieldFunc) bool {
	names, err := dirNames(dir)
	if err != nil && !fail(yield, dir, err) {
		return false
	}
	for _, name := range names {
		if strings.HasPrefix(name, ".") { // .git, .DS_Store, editor files
			continue
		}
		p := filepath.Join(dir, name)
		info, err := os.Stat(p) // follows symlinks
		if err != nil {
			// A dangling symlink, or a file that disappeared since the
			// directory was listed: report it only if we would have read it.
			if knownName(name) {
				if !fail(yield, p, err) {
					return false
				}
			}
			continue
		}
		switch {
		case info.IsDir():
			if inAncestors(ancestors, info) {
				if !fail(yield, p, ErrLoop) {
					return false
				}
				continue
			}
			if !l.walkDir(p, append(ancestors, info), yield) {
				return false
			}
		case info.Mode().IsRegular() && knownName(name):
			if !l.readFile(p, info, false, yield) {
				return false
			}
		}
	}
	return true
}

// dirNames returns the sorted names in dir.
func dirNames(dir string) ([]string, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	names, err := f.Readdirnames(-1)
	slices.Sort(names)
	return names, err
}

// inAncestors reports whether dir is one of the directories above it.
func inAncestors(ancestors []os.FileInfo, dir os.FileInfo) bool {
	for _, a := range ancestors {
		if os.SameFile(a, dir) {
			return true
		}
	}
	return false
}

// readFile reads one regular file. explicit says the user named it, so an
// unknown type is an error rather than a file to skip.
func (l limits) readFile(p string, info os.FileInfo, explicit bool, yield yieldFunc) bool {
	f, err := os.Open(p)
	if err != nil {
		return fail(yield, p, err)
	}
	defer f.Close()
	in := input{name: cleanName(filepath.Base(p)), source: cleanName(p), r: f, ra: f, size: info.Size()}
	if l.progress != nil {
		in.r, in.ra = &progressReader{f, l.progress}, &progressReaderAt{f, l.progress}
	}
	return l.readStream(in, explicit, yield)
}

// readFS reads every file of a known type in fsys, in lexical order, with
// sources named prefix/path.
func (l limits) readFS(fsys fs.FS, prefix string, yield yieldFunc) bool {
	stop := false
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		source := path.Join(prefix, p)
		switch {
		case err != nil:
			if !fail(yield, source, err) {
				stop = true
				return fs.SkipAll
			}
			return nil
		case d.IsDir() || !knownName(d.Name()):
			return nil
		}
		if !l.readFSFile(fsys, p, source, yield) {
			stop = true
			return fs.SkipAll
		}
		return nil
	})
	if err != nil && !stop {
		return fail(yield, prefix, err)
	}
	return !stop
}

func (l limits) readFSFile(fsys fs.FS, p, source string, yield yieldFunc) bool {
	f, err := fsys.Open(p)
	if err != nil {
		return fail(yield, source, err)
	}
	defer f.Close()
	in := input{name: path.Base(p), source: source, r: f, size: -1}
	if ra, ok := f.(io.ReaderAt); ok {
		if info, err := f.Stat(); err == nil {
			in.ra, in.size = ra, info.Size()
		}
	}
	return l.readStream(in, false, yield)
}

// TotalBytes returns the size on disk of the files Read would open under
// paths (compressed sizes for compressed files), for a progress display.
// Paths that cannot be read are left out, and so are directories reached
// through symlinks: it is an estimate for an ETA.
func TotalBytes(paths []string) int64 {
	var total int64
	for _, p := range paths {
		info, err := os.Stat(p)
		switch {
		case err != nil:
		case info.IsDir():
			filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
				if err == nil && d.IsDir() && q != p && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				if err == nil && d.Type().IsRegular() && knownName(d.Name()) && !strings.HasPrefix(d.Name(), ".") {
					if info, err := d.Info(); err == nil {
						total += info.Size()
					}
				}
				return nil
			})
		default:
			total += info.Size()
		}
	}
	return total
}

// progressReader reports the bytes read through it.
type progressReader struct {
	r      io.Reader
	report func(int64)
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	if n > 0 {
		p.report(int64(n))
	}
	return n, err
}

// progressReaderAt reports the bytes read through it.
type progressReaderAt struct {
	r      io.ReaderAt
	report func(int64)
}

func (p *progressReaderAt) ReadAt(b []byte, off int64) (int, error) {
	n, err := p.r.ReadAt(b, off)
	if n > 0 {
		p.report(int64(n))
	}
	return n, err
}
