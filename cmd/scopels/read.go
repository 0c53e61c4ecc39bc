package main

import "io"

// readAtMost reads r to its end or until it has more than limit bytes,
// whichever comes first; the caller tells a text over the limit by its
// length. size is the expected length (a file's size when it was opened):
// the buffer is allocated once at that size plus the byte that sees the
// end, so reading a file costs one allocation and no copy. A file that
// grew meanwhile is still read whole, up to the limit.
func readAtMost(r io.Reader, size, limit int64) ([]byte, error) {
	buf := make([]byte, 0, min(max(size, 0), limit)+1)
	for {
		if len(buf) == cap(buf) {
			if int64(len(buf)) > limit {
				return buf, nil
			}
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		switch {
		case err == io.EOF:
			return buf, nil
		case err != nil:
			return buf, err
		}
	}
}
