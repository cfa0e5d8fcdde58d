/* Reference xoshiro256** and splitmix64, written from Blackman & Vigna,
   "Scrambled linear pseudorandom number generators" (ACM TOMS 2021). */
#include <stdint.h>
#include <stdio.h>
static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
static uint64_t s[4];
static uint64_t xnext(void) {
  uint64_t result = rotl(s[1] * 5, 7) * 9;
  uint64_t t = s[1] << 17;
  s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3];
  s[2] ^= t; s[3] = rotl(s[3], 45);
  return result;
}
static uint64_t x;
static uint64_t smnext(void) {
  uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
int main(void) {
  s[0]=1; s[1]=2; s[2]=3; s[3]=4;
  printf("xoshiro [1,2,3,4]:\n"); for (int i=0;i<10;i++) printf("0x%016llx,\n",(unsigned long long)xnext());
  s[0]=0x0123456789abcdefULL; s[1]=0xfedcba9876543210ULL; s[2]=0x0f1e2d3c4b5a6978ULL; s[3]=0x8796a5b4c3d2e1f0ULL;
  for (int i=0;i<1000;i++) xnext();
  printf("xoshiro [0123..] outputs 1000..1005:\n"); for (int i=0;i<6;i++) printf("0x%016llx,\n",(unsigned long long)xnext());
  x = 0; printf("splitmix 0:\n"); for (int i=0;i<6;i++) printf("0x%016llx,\n",(unsigned long long)smnext());
  x = 1234567; printf("splitmix 1234567:\n"); for (int i=0;i<6;i++) printf("%llu,\n",(unsigned long long)smnext());
  return 0;
}
