package usage_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/spsim/spsim/internal/usage"
)

// TestWrapped: an Error is found through the wrapping of its callers.
func TestWrapped(t *testing.T) {
	err := fmt.Errorf("sweep baseline: %w", usage.Errorf("--vary %q: want KEY=V1,V2,...", "x"))
	var u *usage.Error
	if !errors.As(err, &u) || u.Error() != `--vary "x": want KEY=V1,V2,...` {
		t.Errorf("%v: not found as a usage error", err)
	}
}
