package corpus

import "fmt"

// readHTML reads an .html page: one article.
func (l limits) readHTML(in input, yield yieldFunc) bool {
	return fail(yield, in.source, fmt.Errorf("%w: HTML is not read yet", ErrUnsupported))
}
