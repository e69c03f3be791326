"""Files DigitPad reads and writes: model archives (within limits), MNIST and stroke files, saved
drawings, *my drawings*, and atomic writes."""
