// Package password judges password policies against CNIL deliberation
// 2022-100 and ANSSI PG-078, from a normalised policy model that parsers
// fill. Anything a configuration does not state stays unknown and is never
// counted as met. It does no I/O.
package password
