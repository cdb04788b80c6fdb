// Package govx holds the shared vocabulary of the govx pipeline: the input
// document, the normalized article, byte spans, tokens, and the typed
// mentions that the extractors find (quantities, periods, entities and
// indicators).
//
// Data flows one way:
//
//	corpus → normalize → segment → extract → output
//
// Each step lives in its own package and speaks in the types defined here.
// This package imports only the standard library.
//
// # Offsets
//
// Inside the program every offset is a half-open byte offset into
// Article.Text (a Span). The output package converts them to Unicode
// code-point offsets, which is what the tables carry, in exactly one place.
package govx
