// Numbers in front matter converted as JavaScript converts them: text to the nearest double
// (ties to even) and a double to Number.prototype.toString's shortest digits. Exact arithmetic
// on small big integers does both, so neither strtod nor printf (with the 128-bit soft float
// they bring to WebAssembly) is needed, and native and wasm builds share one implementation.
#include <cmath>
#include <cstdint>
#include <cstring>

#include "pod_vector.h"
#include "yaml_subset.h"

namespace foldmark::detail {
namespace {

// A non-negative integer, 32-bit limbs, least significant first, no leading zero limbs.
class BigInt {
 public:
  explicit BigInt(std::uint64_t v = 0) {
    for (; v != 0; v >>= 32) limbs_.push_back(static_cast<std::uint32_t>(v));
  }
  bool zero() const { return limbs_.empty(); }

  void mul_add(std::uint32_t factor, std::uint32_t add) {
    std::uint64_t carry = add;
    for (std::uint32_t& limb : limbs_) {
      carry += static_cast<std::uint64_t>(limb) * factor;
      limb = static_cast<std::uint32_t>(carry);
      carry >>= 32;
    }
    if (carry != 0) limbs_.push_back(static_cast<std::uint32_t>(carry));
  }
  // Multiplies by base^exp, chunked so each step stays within one limb.
  void mul_pow(std::uint32_t base, std::uint32_t chunk_exp, int exp) {
    std::uint32_t chunk = 1;
    for (std::uint32_t i = 0; i < chunk_exp; ++i) chunk *= base;
    for (; exp >= static_cast<int>(chunk_exp); exp -= static_cast<int>(chunk_exp))
      mul_add(chunk, 0);
    for (; exp > 0; --exp) mul_add(base, 0);
  }
  void shift_left(int bits) {
    if (zero() || bits <= 0) return;
    const int words = bits / 32;
    const int rest = bits % 32;
    if (rest != 0) {
      std::uint32_t carry = 0;
      for (std::uint32_t& limb : limbs_) {
        const std::uint32_t next = limb >> (32 - rest);
        limb = (limb << rest) | carry;
        carry = next;
      }
      if (carry != 0) limbs_.push_back(carry);
    }
    limbs_.insert(limbs_.begin(), static_cast<std::size_t>(words), 0u);
  }
  int bit_length() const {
    if (zero()) return 0;
    int n = static_cast<int>(limbs_.size()) * 32;
    for (std::uint32_t top = limbs_.back(); (top & 0x80000000u) == 0; top <<= 1) --n;
    return n;
  }
  int compare(const BigInt& o) const {
    if (limbs_.size() != o.limbs_.size()) return limbs_.size() < o.limbs_.size() ? -1 : 1;
    for (std::size_t i = limbs_.size(); i-- > 0;) {
      if (limbs_[i] != o.limbs_[i]) return limbs_[i] < o.limbs_[i] ? -1 : 1;
    }
    return 0;
  }
  // Requires *this >= o.
  void subtract(const BigInt& o) {
    std::int64_t borrow = 0;
    for (std::size_t i = 0; i < limbs_.size(); ++i) {
      borrow += static_cast<std::int64_t>(limbs_[i]) - (i < o.limbs_.size() ? o.limbs_[i] : 0);
      limbs_[i] = static_cast<std::uint32_t>(borrow);
      borrow = borrow < 0 ? -1 : 0;
    }
    trim();
  }
  std::uint32_t divide_small(std::uint32_t divisor) {
    std::uint64_t rem = 0;
    for (std::size_t i = limbs_.size(); i-- > 0;) {
      rem = (rem << 32) | limbs_[i];
      limbs_[i] = static_cast<std::uint32_t>(rem / divisor);
      rem %= divisor;
    }
    trim();
    return static_cast<std::uint32_t>(rem);
  }

 private:
  void trim() {
    while (!limbs_.empty() && limbs_.back() == 0) limbs_.pop_back();
  }
  PodVector<std::uint32_t> limbs_;
};

double from_bits(std::uint64_t bits) {
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

// num / den (num > 0) as the nearest double, ties to even; infinity past the largest finite.
double nearest_double(BigInt num, BigInt den) {
  // Scale so den <= num < 2 den; then num / den = (num' / den') × 2^e2.
  int e2 = num.bit_length() - den.bit_length();
  if (e2 > 0) den.shift_left(e2);
  if (e2 < 0) num.shift_left(-e2);
  if (num.compare(den) < 0) {
    num.shift_left(1);
    --e2;
  }
  if (e2 > 1023) return HUGE_VAL;
  if (e2 < -1076) return 0;
  // 64 quotient bits (the top one is 1) and whether anything remains below them.
  std::uint64_t q = 0;
  for (int i = 0; i < 64; ++i) {
    q <<= 1;
    if (num.compare(den) >= 0) {
      num.subtract(den);
      q |= 1;
    }
    num.shift_left(1);
  }
  const bool sticky = !num.zero();
  // Bits below the 53 a normal double keeps, more for subnormals (up to 65: then only rounding
  // up to the smallest subnormal is possible).
  const int drop = e2 >= -1022 ? 11 : 11 + (-1022 - e2);
  std::uint64_t kept = drop >= 64 ? 0 : q >> drop;
  const std::uint64_t rem = drop >= 64 ? q : q & ((std::uint64_t{1} << drop) - 1);
  const std::uint64_t half = drop >= 65 ? 0 : std::uint64_t{1} << (drop - 1);
  if (half != 0 && (rem > half || (rem == half && (sticky || (kept & 1) != 0)))) ++kept;
  // A carry out of the mantissa moves into the exponent field, which is what rounding up to the
  // next binade (or from the largest subnormal to the smallest normal) means.
  const std::uint64_t bits =
      e2 >= -1022 ? (static_cast<std::uint64_t>(e2 + 1022) << 52) + kept : kept;
  return bits >= 0x7ff0000000000000u ? HUGE_VAL : from_bits(bits);
}

int digit(char c) {
  return c >= '0' && c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

// Beyond this many significant digits only whether the rest is zero matters: the exact decimal
// expansion of a double's halfway point has at most 767 significant digits.
constexpr std::size_t kMaxDigits = 800;

// digits × 10^exp10 as the nearest double; digits has no leading zeros and is not empty.
double decimal_to_double(std::string_view digits, long exp10) {
  if (static_cast<long>(digits.size()) + exp10 > 310) return HUGE_VAL;
  if (static_cast<long>(digits.size()) + exp10 < -330) return 0;
  BigInt num;
  std::size_t used = 0;
  for (; used < digits.size() && used < kMaxDigits; ++used) {
    num.mul_add(10, static_cast<std::uint32_t>(digit(digits[used])));
  }
  if (digits.find_first_not_of('0', used) != std::string_view::npos) {
    num.mul_add(10, 1);
    --exp10;
  }
  exp10 += static_cast<long>(digits.size() - used);
  BigInt den(1);
  if (exp10 >= 0) num.mul_pow(10, 9, static_cast<int>(exp10));
  if (exp10 < 0) den.mul_pow(10, 9, static_cast<int>(-exp10));
  return nearest_double(num, den);
}

// value = 0.digits × 10^point.
struct Decimal {
  std::string digits;
  int point = 0;
};

// Whether r + m reaches s (or passes it, when not inclusive).
bool reaches(const BigInt& r, const BigInt& m, const BigInt& s, bool inclusive) {
  if (r.compare(s) >= 0) return true;
  BigInt rest = s;
  rest.subtract(r);
  const int c = rest.compare(m);
  return inclusive ? c <= 0 : c < 0;
}

// The fewest digits that read back as value and, among those, the closest to it, ties to even
// (ECMA-262 Number::toString), for a finite positive value. Digits are generated one at a time
// from the exact value until the rest is within half a gap to a neighbouring double, below or
// above (Steele and White's free-format method, exact on big integers). Just above a power of
// two the gap below is half the gap above.
Decimal shortest(double value) {
  std::uint64_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  const int biased = static_cast<int>(bits >> 52);
  const std::uint64_t fraction = bits & ((std::uint64_t{1} << 52) - 1);
  const std::uint64_t f = biased != 0 ? fraction | (std::uint64_t{1} << 52) : fraction;
  const int e = (biased != 0 ? biased : 1) - 1075;  // value = f × 2^e
  // value = r / s; the half gaps below and above are mm / s and mp / s.
  BigInt r(f << 2);
  BigInt s(4);
  BigInt mp(2);
  BigInt mm(fraction == 0 && biased > 1 ? 1 : 2);
  if (e > 0) {
    r.shift_left(e);
    mp.shift_left(e);
    mm.shift_left(e);
  } else {
    s.shift_left(-e);
  }
  // A boundary itself reads back as value when value's mantissa is even (ties to even).
  const bool inclusive = (f & 1) == 0;
  // 10^est is at most one power of ten below the value's leading digit.
  int bit_length = 0;
  for (std::uint64_t v = f; v != 0; v >>= 1) ++bit_length;
  const int est = static_cast<int>(std::ceil((e + bit_length - 1) * 0.30102999566398114 - 1e-10));
  if (est >= 0) s.mul_pow(10, 9, est);
  for (BigInt* n : {&r, &mp, &mm}) {
    if (est < 0) n->mul_pow(10, 9, -est);
  }
  Decimal d;
  d.point = est + 1;
  if (!reaches(r, mp, s, inclusive)) {
    d.point = est;
    for (BigInt* n : {&r, &mp, &mm}) n->mul_add(10, 0);
  }
  for (;;) {
    char digit = '0';
    for (; r.compare(s) >= 0; ++digit) r.subtract(s);
    d.digits.push_back(digit);
    const int low_cmp = r.compare(mm);
    const bool low = inclusive ? low_cmp <= 0 : low_cmp < 0;
    const bool high = reaches(r, mp, s, inclusive);
    if (low || high) {
      BigInt twice = r;
      twice.shift_left(1);
      const int c = twice.compare(s);
      const bool up = low && high ? c > 0 || (c == 0 && (digit - '0') % 2 == 1) : high;
      // Never past '9': the shorter prefix would have been within reach already.
      if (up) ++d.digits.back();
      break;
    }
    for (BigInt* n : {&r, &mp, &mm}) n->mul_add(10, 0);
  }
  d.digits.erase(d.digits.find_last_not_of('0') + 1);
  return d;
}

}  // namespace

double yaml_decimal_value(std::string_view text) {
  std::size_t i = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
  const bool negative = i == 1 && text[0] == '-';
  std::string digits;  // significant digits: leading zeros dropped
  long exp10 = 0;
  bool fraction = false;
  for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
    const char c = text[i];
    if (c == '.') {
      fraction = true;
      continue;
    }
    if (c != '0' || !digits.empty()) digits.push_back(c);
    if (fraction) --exp10;
  }
  if (i < text.size()) {
    const bool exp_negative = i + 1 < text.size() && text[i + 1] == '-';
    // Past the text's length in digits the result is 0 or infinity whatever follows.
    const long cap = static_cast<long>(text.size()) + 1000;
    long e = 0;
    for (std::size_t j = i + 1; j < text.size(); ++j) {
      if (text[j] >= '0' && text[j] <= '9' && e < cap) e = e * 10 + (text[j] - '0');
    }
    exp10 += exp_negative ? -e : e;
  }
  const double v = digits.empty() ? 0.0 : decimal_to_double(digits, exp10);
  return negative ? -v : v;
}

double yaml_integer_value(std::string_view digits, int bits_per_digit) {
  const std::size_t first = digits.find_first_not_of('0');
  if (first == std::string_view::npos) return 0;
  digits.remove_prefix(first);
  if (digits.size() * static_cast<std::size_t>(bits_per_digit) > 1100) return HUGE_VAL;
  BigInt num;
  for (char c : digits) num.mul_add(1u << bits_per_digit, static_cast<std::uint32_t>(digit(c)));
  return nearest_double(num, BigInt(1));
}

std::string format_js_number(double value) {
  if (value == 0) return std::signbit(value) ? "-0" : "0";
  const Decimal s = shortest(std::fabs(value));
  const std::string& digits = s.digits;
  const int k = static_cast<int>(digits.size());
  const int n = s.point;  // value = 0.digits × 10^n, as in ECMA-262
  std::string out = value < 0 ? "-" : "";
  if (k <= n && n <= 21) {
    out += digits;
    out.append(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, static_cast<std::size_t>(n)) + "." +
           digits.substr(static_cast<std::size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-n), '0');
    out += digits;
  } else {
    out += digits.substr(0, 1);
    if (k > 1) out += "." + digits.substr(1);
    out += n - 1 >= 0 ? "e+" : "e-";
    out += std::to_string(std::abs(n - 1));
  }
  return out;
}

}  // namespace foldmark::detail
