package number

import "testing"

func BenchmarkScanNumber(b *testing.B) {
	nums := []byte("12345.678e-9 ")
	for i := 0; i < b.N; i++ {
		for j := 0; j < 100; j++ {
			_ = Scan(nums, 0)
		}
	}
}
