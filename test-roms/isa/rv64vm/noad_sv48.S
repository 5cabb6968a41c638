# Page tables without A/D bits under Sv48 (see noad.h).
#define LEVELS 4
#include "noad.h"
