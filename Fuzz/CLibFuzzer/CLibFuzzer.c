// Intentionally empty: this target only publishes the declaration in include/CLibFuzzer.h.
#include "CLibFuzzer.h"
