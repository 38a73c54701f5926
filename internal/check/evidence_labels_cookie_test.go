package check

import "testing"

func TestCookieKeysLabelled(t *testing.T) {
	for k, want := range map[string]string{
		"__host-_prefix_without_path=/":      "préfixe __Host- sans Path=/",
		"samesite=none_without_secure":       "SameSite=None sans Secure",
		"https_named_by_redirect_from":       "HTTPS désigné par la redirection depuis",
		"session_cookie_set_over_plain_http": "cookie de session posé en HTTP",
	} {
		if got := EvidenceLabel(k, FR); got != want {
			t.Errorf("%s: %q", k, got)
		}
	}
	if got := EvidenceLabel("__host-_x_y", FR); got != "__host- x y" {
		t.Errorf("fallback %q", got)
	}
	if got := EvidenceLabel("no_label_here", FR); got != "no label here" {
		t.Errorf("fallback without a run of underscores %q", got)
	}
}
