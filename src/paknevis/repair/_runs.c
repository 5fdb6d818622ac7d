/* Where the characters of a set stand in a text, in C.
 *
 * runs(text, bitmap[, after[, before]]) -> [start, end, start, end, ...]: the maximal runs
 * of characters of the set, as offsets, flat; with the bitmap after (or None), only the runs
 * right after a character of that set (the marks after a digit: ۳.۵), and with before, only
 * those right before one. A bitmap holds a bit for each BMP character (8,192 bytes; bit
 * c % 8 of byte c / 8); characters beyond the BMP are in no set. The same as the spans of
 * re.finditer("[set]+", text) (with "(?<=[after])" before and "(?=[before])" after), as
 * runs.py gives them where this module is not built; tests hold the two equal.
 *
 * Why: re tests every character of a text against a class, about 5 ns a character. For the
 * digit step (Latin digits) and the gate of the steps for rare characters, both of which
 * look through the whole text for a few characters, that was 13 and 8.5 ms over the speed
 * benchmark's corpus; this loop takes under 2 ms. No str method finds the first of several
 * characters.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define BITMAP_SIZE 8192
#define IN_SET(bits, c) ((c) < 0x10000 && ((bits)[(c) >> 3] >> ((c) & 7) & 1))

#define RUNS_OF(TYPE)                                                                         \
    do {                                                                                      \
        const TYPE *s = (const TYPE *)data;                                                   \
        for (Py_ssize_t i = 0; i < n; i++) {                                                  \
            if (!IN_SET(bits, (Py_UCS4)s[i]))                                                 \
                continue;                                                                     \
            Py_ssize_t start = i;                                                             \
            while (i + 1 < n && IN_SET(bits, (Py_UCS4)s[i + 1]))                              \
                i++;                                                                          \
            if (after != NULL && !(start && IN_SET(after, (Py_UCS4)s[start - 1])))            \
                continue;                                                                     \
            if (before != NULL && !(i + 1 < n && IN_SET(before, (Py_UCS4)s[i + 1])))         \
                continue;                                                                     \
            if (append_run(out, start, i + 1) < 0)                                            \
                goto fail;                                                                    \
        }                                                                                     \
    } while (0)

static int append_run(PyObject *out, Py_ssize_t start, Py_ssize_t end)
{
    PyObject *a = PyLong_FromSsize_t(start);
    PyObject *b = a ? PyLong_FromSsize_t(end) : NULL;
    int err = b == NULL || PyList_Append(out, a) < 0 || PyList_Append(out, b) < 0;
    Py_XDECREF(a);
    Py_XDECREF(b);
    return err ? -1 : 0;
}

static void release(Py_buffer *a, Py_buffer *b, Py_buffer *c)
{
    PyBuffer_Release(a);
    if (b->buf != NULL) /* "z*" leaves buf NULL for None or a missing argument */
        PyBuffer_Release(b);
    if (c->buf != NULL)
        PyBuffer_Release(c);
}

static PyObject *runs(PyObject *module, PyObject *args)
{
    PyObject *text;
    Py_buffer bitmap, after_bitmap = {0}, before_bitmap = {0};
    (void)module;
    if (!PyArg_ParseTuple(args, "Uy*|z*z*:runs", &text, &bitmap, &after_bitmap, &before_bitmap))
        return NULL;
    const unsigned char *bits = bitmap.buf;
    const unsigned char *after = after_bitmap.buf;
    const unsigned char *before = before_bitmap.buf;
    PyObject *out = NULL;
    if (bitmap.len != BITMAP_SIZE || (after != NULL && after_bitmap.len != BITMAP_SIZE) ||
        (before != NULL && before_bitmap.len != BITMAP_SIZE)) {
        PyErr_Format(PyExc_ValueError, "runs: a bitmap must have %d bytes", BITMAP_SIZE);
        goto fail;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    const void *data = PyUnicode_DATA(text);
    out = PyList_New(0);
    if (out == NULL)
        goto fail;
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        RUNS_OF(Py_UCS1);
        break;
    case PyUnicode_2BYTE_KIND:
        RUNS_OF(Py_UCS2);
        break;
    default:
        RUNS_OF(Py_UCS4);
    }
    release(&bitmap, &after_bitmap, &before_bitmap);
    return out;
fail:
    Py_XDECREF(out);
    release(&bitmap, &after_bitmap, &before_bitmap);
    return NULL;
}

static PyMethodDef module_methods[] = {
    {"runs", runs, METH_VARARGS, "runs(text, bitmap[, after[, before]]): the runs of characters "
                                 "of a set (right after, or before, a character of another), as a "
                                 "flat list of start and end offsets."},
    {NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "paknevis.repair._runs", "Runs of characters of a set, in C.", -1,
    module_methods,
};

PyMODINIT_FUNC PyInit__runs(void) { return PyModule_Create(&module_def); }
