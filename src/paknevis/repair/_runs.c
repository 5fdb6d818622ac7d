/* Where the characters of a set stand in a text, in C.
 *
 * runs(text, bitmap[, after[, before]]) -> [start, end, start, end, ...]: the maximal runs
 * of characters of the set, as offsets, flat; with the bitmap after (or None), only the runs
 * right after a character of that set (the marks after a digit: ۳.۵), and with before, only
 * those right before one. A set's table (still called a bitmap below) holds a byte for each
 * BMP character (65,536 bytes; 1 for the set's characters, 0 for the rest); characters
 * beyond the BMP are in no set. The same as the spans of
 * re.finditer("[set]+", text) (with "(?<=[after])" before and "(?=[before])" after), as
 * runs.py gives them where this module is not built; tests hold the two equal.
 *
 * any_of(text, bitmap) -> bool: is there a character of the set in text? Stops at the first
 * (a gate for steps that need one: the digits of a number).
 *
 * runs_each(text, union, specs) -> ([start, end, ...], ...): for each (bitmap, after, before)
 * of specs, what runs(text, bitmap, after, before) gives, in one pass over the text: union
 * is the bitmap of every set's characters, and only its runs are looked into (a step that
 * looks for three kinds of place reads the text once, not three times).
 *
 * shift_apart(text, bitmap, sides, delta) -> (text, [start, end, ...]): each run of the set
 * that is a word of its own between two words (a space on each side, and a character of
 * sides beyond each: "سال 2025 بود") has its characters shifted by delta (Latin digits to
 * Persian ones: 0x06C0); the text so changed (the same object if no run is such), and the
 * other runs, as runs() gives them. The digit step's common case, decided in C: in Python,
 * each run cost more than finding them all (apply over farsnews: 11.8 ms, 1.4 of them the
 * search; most runs, 4,133 of 5,864, are years and counts between two Persian words).
 *
 * char_edits(text, index, entries, cls) -> [cls(i, i + 1, old, new, rule), ...]: an edit for
 * each character of a set, in order; index holds an unsigned short (native order) for each
 * BMP character, 0 for those outside the set and k for those whose (old, new, rule) is
 * entries[k - 1]; cls is a tuple
 * type (the named tuple Edit). The step that unifies Arabic yeh and kaf, for
 * fix_and_explain: an old article has an edit a letter (88,196 over the farsnews articles),
 * and making each in Python (a match, its offset and letter, a dict lookup, a tuple) cost
 * 51 of fix_and_explain's 304 ms.
 *
 * Why: re tests every character of a text against a class, about 5 ns a character. For the
 * digit step (Latin digits) and the gate of the steps for rare characters, both of which
 * look through the whole text for a few characters, that was 13 and 8.5 ms over the speed
 * benchmark's corpus; this loop takes under 2 ms. No str method finds the first of several
 * characters.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* A byte a character, not a bit: the test is one load, where a bit took a shift, a load,
 * a second shift and a mask. The scan of a text is 12% of fix's instructions (callgrind). */
#define BITMAP_SIZE 65536
#define IN_SET(bits, c) ((c) < 0x10000 && (bits)[c])

static int append_run(PyObject *out, Py_ssize_t start, Py_ssize_t end)
{
    PyObject *a = PyLong_FromSsize_t(start);
    PyObject *b = a ? PyLong_FromSsize_t(end) : NULL;
    int err = b == NULL || PyList_Append(out, a) < 0 || PyList_Append(out, b) < 0;
    Py_XDECREF(a);
    Py_XDECREF(b);
    return err ? -1 : 0;
}

#define MAX_SPECS 8

/* LOOP(TYPE), a loop over data[0:n] read as TYPE, for the kind of text */
#define BY_KIND(text, LOOP)                                                                   \
    do {                                                                                      \
        switch (PyUnicode_KIND(text)) {                                                       \
        case PyUnicode_1BYTE_KIND:                                                            \
            LOOP(Py_UCS1);                                                                    \
            break;                                                                            \
        case PyUnicode_2BYTE_KIND:                                                            \
            LOOP(Py_UCS2);                                                                    \
            break;                                                                            \
        default:                                                                              \
            LOOP(Py_UCS4);                                                                    \
        }                                                                                     \
    } while (0)

/* Each union run s[i:to] is cut into the runs of each spec's set (no character outside it
 * is in the set, so each is maximal in the text), kept if after and before allow. runs()
 * is the case of one spec, whose set is the union. */
#define SPEC_RUNS_OF(TYPE)                                                                    \
    do {                                                                                      \
        const TYPE *s = (const TYPE *)data;                                                   \
        for (Py_ssize_t i = 0; i < n; i++) {                                                  \
            if (!IN_SET(uni, (Py_UCS4)s[i]))                                                  \
                continue;                                                                     \
            Py_ssize_t to = i + 1;                                                            \
            while (to < n && IN_SET(uni, (Py_UCS4)s[to]))                                     \
                to++;                                                                         \
            for (Py_ssize_t k = 0; k < nspecs; k++) {                                         \
                const unsigned char *bits = sb[k], *after = sa[k], *before = sf[k];           \
                for (Py_ssize_t p = i; p < to; p++) {                                         \
                    if (!IN_SET(bits, (Py_UCS4)s[p]))                                         \
                        continue;                                                             \
                    Py_ssize_t start = p;                                                     \
                    while (p + 1 < to && IN_SET(bits, (Py_UCS4)s[p + 1]))                     \
                        p++;                                                                  \
                    if (after != NULL && !(start && IN_SET(after, (Py_UCS4)s[start - 1])))    \
                        continue;                                                             \
                    if (before != NULL && !(p + 1 < n && IN_SET(before, (Py_UCS4)s[p + 1])))  \
                        continue;                                                             \
                    if (append_run(lists[k], start, p + 1) < 0)                              \
                        return -1;                                                            \
                }                                                                             \
            }                                                                                 \
            i = to - 1;                                                                       \
        }                                                                                     \
    } while (0)

/* Append to lists[k] the runs of specs k (bitmaps sb, sa, sf; NULL for no after or before)
 * in text, whose characters in any of the sets are those of uni: 0, or -1 with an error. */
static int scan_specs(PyObject *text, const unsigned char *uni, const unsigned char **sb,
                      const unsigned char **sa, const unsigned char **sf, Py_ssize_t nspecs,
                      PyObject **lists)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    const void *data = PyUnicode_DATA(text);
    BY_KIND(text, SPEC_RUNS_OF);
    return 0;
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
    out = PyList_New(0);
    if (out == NULL || scan_specs(text, bits, &bits, &after, &before, 1, &out) < 0)
        goto fail;
    release(&bitmap, &after_bitmap, &before_bitmap);
    return out;
fail:
    Py_XDECREF(out);
    release(&bitmap, &after_bitmap, &before_bitmap);
    return NULL;
}

/* The bitmap a spec's item holds (None allowed where may_be_none): NULL for None, or -1 set
 * through *err with an exception. */
static const unsigned char *bitmap_of(PyObject *item, int may_be_none, int *err)
{
    if (item == Py_None && may_be_none)
        return NULL;
    if (!PyBytes_Check(item) || PyBytes_GET_SIZE(item) != BITMAP_SIZE) {
        PyErr_Format(PyExc_ValueError, "runs_each: a bitmap must be bytes of %d", BITMAP_SIZE);
        *err = 1;
        return NULL;
    }
    return (const unsigned char *)PyBytes_AS_STRING(item);
}

static PyObject *runs_each(PyObject *module, PyObject *args)
{
    PyObject *text, *union_bitmap, *specs;
    (void)module;
    if (!PyArg_ParseTuple(args, "USO!:runs_each", &text, &union_bitmap, &PyTuple_Type, &specs))
        return NULL;
    Py_ssize_t nspecs = PyTuple_GET_SIZE(specs);
    if (nspecs > MAX_SPECS) {
        PyErr_Format(PyExc_ValueError, "runs_each: at most %d specs", MAX_SPECS);
        return NULL;
    }
    int err = 0;
    const unsigned char *uni = bitmap_of(union_bitmap, 0, &err);
    const unsigned char *sb[MAX_SPECS], *sa[MAX_SPECS], *sf[MAX_SPECS];
    for (Py_ssize_t k = 0; k < nspecs && !err; k++) {
        PyObject *spec = PyTuple_GET_ITEM(specs, k);
        if (!PyTuple_Check(spec) || PyTuple_GET_SIZE(spec) != 3) {
            PyErr_SetString(PyExc_ValueError, "runs_each: a spec is (bitmap, after, before)");
            return NULL;
        }
        sb[k] = bitmap_of(PyTuple_GET_ITEM(spec, 0), 0, &err);
        sa[k] = err ? NULL : bitmap_of(PyTuple_GET_ITEM(spec, 1), 1, &err);
        sf[k] = err ? NULL : bitmap_of(PyTuple_GET_ITEM(spec, 2), 1, &err);
    }
    if (err)
        return NULL;
    PyObject *out = PyTuple_New(nspecs), *lists[MAX_SPECS];
    if (out == NULL)
        return NULL;
    for (Py_ssize_t k = 0; k < nspecs; k++) {
        if ((lists[k] = PyList_New(0)) == NULL)
            goto fail;
        PyTuple_SET_ITEM(out, k, lists[k]);
    }
    if (scan_specs(text, uni, sb, sa, sf, nspecs, lists) < 0)
        goto fail;
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

/* Does a character of the set stand in text? The search stops at the first. */
#define ANY_OF(TYPE)                                                                          \
    do {                                                                                      \
        const TYPE *s = (const TYPE *)data;                                                   \
        for (Py_ssize_t i = 0; i < n; i++)                                                    \
            if (IN_SET(bits, (Py_UCS4)s[i]))                                                  \
                return 1;                                                                     \
    } while (0)

static int any_in_set(PyObject *text, const unsigned char *bits)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    const void *data = PyUnicode_DATA(text);
    BY_KIND(text, ANY_OF);
    return 0;
}

static PyObject *any_of(PyObject *module, PyObject *args)
{
    PyObject *text;
    Py_buffer bitmap;
    (void)module;
    if (!PyArg_ParseTuple(args, "Uy*:any_of", &text, &bitmap))
        return NULL;
    if (bitmap.len != BITMAP_SIZE) {
        PyBuffer_Release(&bitmap);
        PyErr_Format(PyExc_ValueError, "any_of: a bitmap must have %d bytes", BITMAP_SIZE);
        return NULL;
    }
    int found = any_in_set(text, bitmap.buf);
    PyBuffer_Release(&bitmap);
    return PyBool_FromLong(found);
}

/* The set's runs in data[0:n], read as TYPE: those that are a word of their own between two
 * words shifted in dst (a copy of the text, made at the first such run), the rest appended
 * to other. Only characters below 0x100 are shifted, and not in a text of one byte a
 * character: shifted into the rest of the BMP (delta), each is of the text's kind. */
#define SHIFT_APART(TYPE)                                                                     \
    do {                                                                                      \
        const TYPE *s = (const TYPE *)data;                                                   \
        for (Py_ssize_t i = 0; i < n; i++) {                                                  \
            if (!IN_SET(bits, (Py_UCS4)s[i]))                                                 \
                continue;                                                                     \
            Py_ssize_t to = i + 1;                                                            \
            int below_0x100 = s[i] < 0x100;                                                   \
            for (; to < n && IN_SET(bits, (Py_UCS4)s[to]); to++)                              \
                below_0x100 &= s[to] < 0x100;                                                 \
            if (kind != PyUnicode_1BYTE_KIND && below_0x100 && i > 1 && to + 1 < n &&         \
                s[i - 1] == ' ' && s[to] == ' ' && IN_SET(sides, (Py_UCS4)s[i - 2]) &&        \
                IN_SET(sides, (Py_UCS4)s[to + 1])) {                                          \
                if (dst == NULL) {                                                            \
                    dst = PyUnicode_New(n, PyUnicode_MAX_CHAR_VALUE(text));                   \
                    if (dst == NULL)                                                          \
                        return NULL;                                                          \
                    memcpy(PyUnicode_DATA(dst), data, n * sizeof(TYPE));                      \
                }                                                                             \
                TYPE *d = (TYPE *)PyUnicode_DATA(dst);                                        \
                for (Py_ssize_t p = i; p < to; p++)                                           \
                    d[p] = (TYPE)(s[p] + delta);                                              \
            } else if (append_run(other, i, to) < 0) {                                        \
                Py_XDECREF(dst);                                                              \
                return NULL;                                                                  \
            }                                                                                 \
            i = to - 1;                                                                       \
        }                                                                                     \
    } while (0)

static PyObject *shift_runs_apart(PyObject *text, const unsigned char *bits, const unsigned char *sides,
                                  Py_UCS4 delta, PyObject *other)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    const void *data = PyUnicode_DATA(text);
    int kind = PyUnicode_KIND(text);
    PyObject *dst = NULL;
    BY_KIND(text, SHIFT_APART);
    return dst == NULL ? Py_NewRef(text) : dst;
}

static PyObject *shift_apart(PyObject *module, PyObject *args)
{
    PyObject *text, *bitmap, *sides;
    unsigned int delta;
    (void)module;
    if (!PyArg_ParseTuple(args, "USSI:shift_apart", &text, &bitmap, &sides, &delta))
        return NULL;
    if (PyBytes_GET_SIZE(bitmap) != BITMAP_SIZE || PyBytes_GET_SIZE(sides) != BITMAP_SIZE) {
        PyErr_Format(PyExc_ValueError, "shift_apart: a bitmap must have %d bytes", BITMAP_SIZE);
        return NULL;
    }
    /* (a shifted character is of the kind of the text it is written in: only characters
     * below 0x100 are shifted, and into the rest of the BMP, in a text of two bytes a
     * character or four) */
    if (delta < 0x100 || delta > 0xFFFF - 0xFF) {
        PyErr_SetString(PyExc_ValueError, "shift_apart: delta must take the set into 0x100-0xFFFF");
        return NULL;
    }
    PyObject *other = PyList_New(0);
    if (other == NULL)
        return NULL;
    PyObject *shifted = shift_runs_apart(text, (const unsigned char *)PyBytes_AS_STRING(bitmap),
                                         (const unsigned char *)PyBytes_AS_STRING(sides), delta, other);
    if (shifted == NULL) {
        Py_DECREF(other);
        return NULL;
    }
    return Py_BuildValue("(NN)", shifted, other);
}

/* Append to out an edit (cls) for each character of data[0:n] (read as TYPE) whose index
 * is not 0. */
#define CHAR_EDITS(TYPE)                                                                      \
    do {                                                                                      \
        const TYPE *s = (const TYPE *)data;                                                   \
        for (Py_ssize_t i = 0; i < n; i++) {                                                  \
            if (!IN_SET(index, (Py_UCS4)s[i]))                                                \
                continue;                                                                     \
            Py_ssize_t k = index[s[i]];                                                       \
            PyObject *entry = k <= PyTuple_GET_SIZE(entries) ? PyTuple_GET_ITEM(entries, k - 1) \
                                                             : NULL;                          \
            if (entry == NULL || !PyTuple_Check(entry) || PyTuple_GET_SIZE(entry) != 3) {     \
                PyErr_SetString(PyExc_ValueError, "char_edits: an index names no "       \
                                                  "(old, new, rule)");                        \
                return -1;                                                                    \
            }                                                                                 \
            PyObject *edit = cls->tp_alloc(cls, 5);                                           \
            PyObject *start = PyLong_FromSsize_t(i), *end = PyLong_FromSsize_t(i + 1);        \
            if (edit == NULL || start == NULL || end == NULL) {                               \
                Py_XDECREF(edit);                                                             \
                Py_XDECREF(start);                                                            \
                Py_XDECREF(end);                                                              \
                return -1;                                                                    \
            }                                                                                 \
            PyTuple_SET_ITEM(edit, 0, start);                                                 \
            PyTuple_SET_ITEM(edit, 1, end);                                                   \
            for (Py_ssize_t j = 0; j < 3; j++)                                                \
                PyTuple_SET_ITEM(edit, 2 + j, Py_NewRef(PyTuple_GET_ITEM(entry, j)));         \
            int err = PyList_Append(out, edit);                                               \
            Py_DECREF(edit);                                                                  \
            if (err < 0)                                                                      \
                return -1;                                                                    \
        }                                                                                     \
    } while (0)

static int append_char_edits(PyObject *text, const unsigned short *index, PyObject *entries,
                             PyTypeObject *cls, PyObject *out)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    const void *data = PyUnicode_DATA(text);
    BY_KIND(text, CHAR_EDITS);
    return 0;
}

static PyObject *char_edits(PyObject *module, PyObject *args)
{
    PyObject *text, *index, *entries;
    PyTypeObject *cls;
    (void)module;
    if (!PyArg_ParseTuple(args, "USO!O!:char_edits", &text, &index, &PyTuple_Type, &entries,
                          &PyType_Type, &cls))
        return NULL;
    if (PyBytes_GET_SIZE(index) != BITMAP_SIZE * (Py_ssize_t)sizeof(unsigned short)) {
        PyErr_Format(PyExc_ValueError, "char_edits: an index must have %d unsigned shorts", BITMAP_SIZE);
        return NULL;
    }
    if (!PyType_IsSubtype(cls, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "char_edits: cls must be a tuple type");
        return NULL;
    }
    const unsigned short *by_char = (const unsigned short *)PyBytes_AS_STRING(index);
    PyObject *out = PyList_New(0);
    if (out == NULL || append_char_edits(text, by_char, entries, cls, out) < 0) {
        Py_XDECREF(out);
        return NULL;
    }
    return out;
}

static PyMethodDef module_methods[] = {
    {"char_edits", char_edits, METH_VARARGS, "char_edits(text, index, entries, cls): an edit "
                                             "cls(i, i + 1, old, new, rule) for each character "
                                             "of a set."},
    {"shift_apart", shift_apart, METH_VARARGS, "shift_apart(text, bitmap, sides, delta): the runs "
                                               "of a set between two words shifted by delta, and "
                                               "the other runs."},
    {"runs_each", runs_each, METH_VARARGS, "runs_each(text, union, specs): for each (bitmap, "
                                           "after, before) of specs, the runs, in one pass."},
    {"any_of", any_of, METH_VARARGS, "any_of(text, bitmap): does a character of the set stand in "
                                     "text? (The search stops at the first.)"},
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
