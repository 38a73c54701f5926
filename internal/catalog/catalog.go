// Package catalog assembles every family's checks into the catalogue a build ships.
package catalog

import (
	"sync"

	"github.com/vigie-security/vigie/checks/contracts"
	"github.com/vigie-security/vigie/checks/leads"
	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/check"
)

// Known reports whether id is a check of this build (waiver files name
// checks); the catalogue is assembled once for it.
func Known(id string) bool {
	_, ok := built().Lookup(id)
	return ok
}

var built = sync.OnceValue(All)

// All returns every check, family by family, in report order.
func All() check.Catalogue {
	var all check.Catalogue
	all = append(all, web.Checks()...)
	all = append(all, password.All()...)
	all = append(all, contracts.All()...)
	all = append(all, leads.All()...)
	return all
}
