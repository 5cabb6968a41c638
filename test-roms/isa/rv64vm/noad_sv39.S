# Page tables without A/D bits under Sv39 (see noad.h).
#define LEVELS 3
#include "noad.h"
