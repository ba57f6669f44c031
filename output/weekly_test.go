package output

import (
	"bytes"
	"encoding/csv"
	"math"
	"strconv"
	"testing"

	"github.com/spsim/spsim/sim"
)

// TestWeeklyBytesAsEncodingCSV: the fast weekly writer writes the bytes
// encoding/csv would, for every kind of number.
func TestWeeklyBytesAsEncodingCSV(t *testing.T) {
	vals := []float64{0, -0.0, 1, -1.5, 57.6, 1e21, 1e-7, 123456789.123, math.NaN(), math.Inf(1), math.Inf(-1), math.MaxFloat64, math.SmallestNonzeroFloat64}
	res := []*sim.Result{
		{Replication: 0, Columns: []sim.Column{{Name: "a"}, {Name: "b, quoted"}}, Weekly: [][]float64{vals[:2], vals[2:4]}},
		{Replication: 11, Weekly: [][]float64{vals[4:6], vals[6:8], vals[8:10], vals[10:12], {vals[12], 3}}},
	}
	var want bytes.Buffer
	cw := csv.NewWriter(&want)
	cw.Write([]string{"replication", "a", "b, quoted"})
	for _, r := range res {
		for _, row := range r.Weekly {
			rec := []string{strconv.Itoa(r.Replication)}
			for _, v := range row {
				rec = append(rec, num(v))
			}
			cw.Write(rec)
		}
	}
	cw.Flush()
	var got bytes.Buffer
	if err := WriteWeekly(&got, res); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("weekly.csv:\n%s\nencoding/csv:\n%s", got.Bytes(), want.Bytes())
	}
}
