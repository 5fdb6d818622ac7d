/* The ZWNJ step's scan of a text, in C: which space-delimited pieces need a look.
 *
 * The pure-Python scan (ZwnjRestorer._scan_py in zwnj/restorer.py) cuts the text at
 * spaces and looks every piece up in a dict: 464,590 pieces in the speed benchmark's corpus, each a new string to make,
 * hash and free, and the step took 70% of fix's time. Most pieces are common words the
 * table writes right and that take part in no join; this scan finds those in a table of
 * its own, over the text itself, and makes a Python string only for the rest (fix went
 * from 4.9x hazm to 8.0x-8.9x in benchmarks/speed.py; no library we know looks a slice of a
 * str up without making one). The same decisions as the Python scan
 * (tests/test_zwnj_scan.py holds them equal), from the same tables (ZwnjRestorer builds
 * the WordTable from the Lexicon).
 *
 * WordTable(items, word_chars): an immutable map from str to int, looked up by a slice of
 * a text without making a string. Keys are BMP text; values here are 0 (a quiet word), a
 * positive id (the left side of joinable pairs, by its written form), -1 ("left right",
 * a joinable pair) or -2 ("left xy", the first two letters of a pair's right side, which
 * let the scan pass most words after a left side unread). word_chars are the characters
 * of a word (zwnj.WORD_CHARS).
 *
 * scan(text, table, left_rights, busy) -> [(index, start, end, value)]: the pieces of
 * text.replace("\n", " ").split(" ") that need a look, with their place and what
 * busy[piece] says of them (a Piece, or a frozenset of first words, such as a pair's right
 * keys, when the next piece starts with one of them). Pieces the table knows are decided here:
 * a quiet word needs nothing, and a left side is visited when the next piece's first word
 * (ZWNJs out, an ezafe on its final heh or a kasra on its last letter dropped) makes a
 * pair in the table; so are the pieces of one such word in punctuation
 * (one_word_in_punctuation);
 * left_rights[id] is the frozenset reported for it. Other pieces are looked up in busy
 * (a dict, possibly one that computes what it misses).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define MAX_PIECE 64 /* longer pieces are looked up in busy, as strings */
#define NOT_FOUND INT32_MIN
#define PAIR -1
#if defined(__GNUC__) || defined(__clang__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

typedef struct {
    uint32_t hash;
    uint32_t off; /* into pool */
    uint32_t len; /* 0: an empty slot (no key is empty) */
    int32_t value;
} Slot;

typedef struct {
    PyObject_HEAD
    Slot *slots;
    size_t mask;
    Py_UCS2 *pool;
    size_t pool_len;
    uint8_t word_chars[8192]; /* a bit for each BMP character */
} WordTable;

/* FNV-1a over code points, so that a key is hashed as it is read from any text kind */
#define HASH_INIT 2166136261u
static inline uint32_t hash_step(uint32_t h, Py_UCS4 c) { return (h ^ c) * 16777619u; }

static inline size_t slot_of(uint32_t h, size_t mask)
{
    h ^= h >> 16;
    h *= 0x7feb352du;
    h ^= h >> 15;
    return h & mask;
}

static inline int is_word_char(const WordTable *t, Py_UCS4 c)
{
    return c < 0x10000 && (t->word_chars[c >> 3] >> (c & 7)) & 1;
}

/* The slot that holds the key, or the empty slot where it would go. */
static Slot *find_slot(const WordTable *t, uint32_t h, const Py_UCS2 *key, size_t len)
{
    for (size_t i = slot_of(h, t->mask);; i = (i + 1) & t->mask) {
        Slot *s = &t->slots[i];
        if (s->len == 0 ||
            (s->hash == h && s->len == len && memcmp(t->pool + s->off, key, len * sizeof(Py_UCS2)) == 0))
            return s;
    }
}

static int32_t lookup(const WordTable *t, uint32_t h, const Py_UCS2 *key, size_t len)
{
    const Slot *s = find_slot(t, h, key, len);
    return s->len ? s->value : NOT_FOUND;
}

/* Copy the str key into dst as UCS-2, hashing it on the way: 0, or -1 if a character is
 * outside the BMP (no exception set). */
static int to_ucs2(PyObject *key, Py_UCS2 *dst, uint32_t *h)
{
    int kind = PyUnicode_KIND(key);
    const void *data = PyUnicode_DATA(key);
    *h = HASH_INIT;
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(key); i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c > 0xFFFF)
            return -1;
        dst[i] = (Py_UCS2)c;
        *h = hash_step(*h, c);
    }
    return 0;
}

static int insert(WordTable *t, PyObject *key, int32_t value)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(key);
    if (len == 0 || len > 0xFFFF) {
        PyErr_SetString(PyExc_ValueError, "WordTable keys must be non-empty and shorter than 65536");
        return -1;
    }
    Py_UCS2 *dst = t->pool + t->pool_len;
    uint32_t h;
    if (to_ucs2(key, dst, &h) < 0) {
        PyErr_SetString(PyExc_ValueError, "WordTable keys must be BMP text");
        return -1;
    }
    Slot *s = find_slot(t, h, dst, len);
    if (s->len == 0) { /* a new key (given twice, the last value wins, as in a dict) */
        *s = (Slot){h, (uint32_t)t->pool_len, (uint32_t)len, 0};
        t->pool_len += len;
    }
    s->value = value;
    return 0;
}

static void WordTable_dealloc(WordTable *self)
{
    PyMem_Free(self->slots);
    PyMem_Free(self->pool);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *WordTable_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"items", "word_chars", NULL};
    PyObject *items, *word_chars;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!U", kwlist, &PyDict_Type, &items, &word_chars))
        return NULL;
    WordTable *self = (WordTable *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    Py_ssize_t n = PyDict_GET_SIZE(items), chars = 0, pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(items, &pos, &key, &value)) {
        if (!PyUnicode_Check(key) || !PyLong_Check(value)) {
            PyErr_SetString(PyExc_TypeError, "WordTable items must map str to int");
            goto fail;
        }
        chars += PyUnicode_GET_LENGTH(key);
    }
    size_t size = 8;
    while (size < (size_t)n * 2) /* at most half full: short probe runs */
        size <<= 1;
    self->mask = size - 1;
    self->slots = PyMem_Calloc(size, sizeof(Slot));
    self->pool = PyMem_Malloc((chars + 1) * sizeof(Py_UCS2));
    if (self->slots == NULL || self->pool == NULL) {
        PyErr_NoMemory();
        goto fail;
    }
    pos = 0;
    while (PyDict_Next(items, &pos, &key, &value)) {
        long v = PyLong_AsLong(value);
        if (v == -1 && PyErr_Occurred())
            goto fail;
        if (v <= NOT_FOUND || v > INT32_MAX) {
            PyErr_SetString(PyExc_ValueError, "WordTable values must fit in 32 bits");
            goto fail;
        }
        if (insert(self, key, (int32_t)v) < 0)
            goto fail;
    }
    memset(self->word_chars, 0, sizeof self->word_chars);
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(word_chars); i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(word_chars, i);
        if (c > 0xFFFF) {
            PyErr_SetString(PyExc_ValueError, "word_chars must be BMP characters");
            goto fail;
        }
        self->word_chars[c >> 3] |= (uint8_t)(1 << (c & 7));
    }
    return (PyObject *)self;
fail:
    Py_DECREF(self);
    return NULL;
}

static PyObject *WordTable_get(WordTable *self, PyObject *key)
{
    if (!PyUnicode_Check(key)) {
        PyErr_SetString(PyExc_TypeError, "WordTable keys are str");
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(key);
    if (len == 0 || len > 0xFFFF)
        Py_RETURN_NONE;
    Py_UCS2 *buf = PyMem_Malloc(len * sizeof(Py_UCS2));
    if (buf == NULL)
        return PyErr_NoMemory();
    uint32_t h;
    if (to_ucs2(key, buf, &h) < 0) {
        PyMem_Free(buf);
        Py_RETURN_NONE;
    }
    int32_t v = lookup(self, h, buf, len);
    PyMem_Free(buf);
    if (v == NOT_FOUND)
        Py_RETURN_NONE;
    return PyLong_FromLong(v);
}

static PyMethodDef WordTable_methods[] = {
    {"get", (PyCFunction)WordTable_get, METH_O, "The value of a key, or None (for tests)."},
    {NULL},
};

static PyTypeObject WordTableType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "paknevis.repair._scan.WordTable",
    .tp_basicsize = sizeof(WordTable),
    .tp_dealloc = (destructor)WordTable_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "An immutable str -> int map, looked up by slices of a text.",
    .tp_methods = WordTable_methods,
    .tp_new = WordTable_new,
};

#define IS_SEP(c) ((c) == ' ' || (c) == '\n')
/* the marks of chars.py's COMBINING_MARKS: a word's other characters are letters */
#define IS_MARK(c) (((c) >= 0x064B && (c) <= 0x0655) || (c) == 0x0670)

/* The key of the word that the piece at pos starts with, into buf (at most cap characters):
 * its length, -1 if the piece starts with no word, -2 if the key is longer than cap. */
static Py_ssize_t first_key(const WordTable *t, int kind, const void *data, Py_ssize_t pos,
                            Py_ssize_t end, Py_UCS2 *buf, Py_ssize_t cap)
{
    Py_ssize_t n = 0;
    int any = 0;
    for (; pos < end; pos++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, pos);
        if (!is_word_char(t, c))
            break;
        any = 1;
        if (c == 0x200C)
            continue;
        if (n == cap)
            return -2;
        buf[n++] = (Py_UCS2)c;
    }
    if (!any)
        return -1;
    if (n >= 1 && buf[n - 1] == 0x06C0) /* ۀ: the ezafe on ه */
        buf[n - 1] = 0x0647;
    else if (n >= 2 && buf[n - 1] == 0x0654 && buf[n - 2] == 0x0647) /* ه and hamza above */
        n--;
    else if (n >= 3 && buf[n - 1] == 0x0650 && !IS_MARK(buf[n - 2])) /* a kasra on a letter */
        n--;
    return n;
}

/* Is the next piece's first key (from pos) in the frozenset rights? Returns 1, 0 or -1. */
static int next_first_in(const WordTable *t, int kind, const void *data, Py_ssize_t pos,
                         Py_ssize_t len, PyObject *rights)
{
    Py_UCS2 small[MAX_PIECE], *buf = small;
    Py_ssize_t n = first_key(t, kind, data, pos, len, buf, MAX_PIECE);
    if (n == -2) { /* a long word: read it again into a buffer of its length */
        Py_ssize_t end = pos;
        while (end < len && is_word_char(t, PyUnicode_READ(kind, data, end)))
            end++;
        if ((buf = PyMem_Malloc((end - pos) * sizeof(Py_UCS2))) == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        n = first_key(t, kind, data, pos, len, buf, end - pos);
    }
    int found = 0;
    if (n > 0) {
        PyObject *key = PyUnicode_FromKindAndData(PyUnicode_2BYTE_KIND, buf, n);
        found = key == NULL ? -1 : PySet_Contains(rights, key);
        Py_XDECREF(key);
    }
    if (buf != small)
        PyMem_Free(buf);
    return found;
}

/* Is the piece in buf[0:plen] followed (from pos) by a first key that makes a pair in t? */
static int makes_pair(const WordTable *t, int kind, const void *data, Py_ssize_t pos,
                      Py_ssize_t len, Py_UCS2 *buf, Py_ssize_t plen, uint32_t h)
{
    buf[plen] = ' ';
    h = hash_step(h, ' ');
    /* First the next word's first two letters, where it has three or more and no ZWNJ among
     * them (so that they start its key): the table holds "left xy" (-2) for each pair's
     * first two, and on farsnews 7,465 of the 131,379 left sides are followed by a pair's
     * first two letters, which cost less to look up than the whole word (callgrind, a pass
     * of fix over farsnews: 1,673 M -> 1,652 M instructions). */
    if (pos + 2 < len) {
        Py_UCS4 a = PyUnicode_READ(kind, data, pos), b = PyUnicode_READ(kind, data, pos + 1),
                c = PyUnicode_READ(kind, data, pos + 2);
        if (is_word_char(t, a) && is_word_char(t, b) && is_word_char(t, c) && a != 0x200C && b != 0x200C &&
            c != 0x200C) {
            buf[plen + 1] = (Py_UCS2)a, buf[plen + 2] = (Py_UCS2)b;
            if (lookup(t, hash_step(hash_step(h, a), b), buf, plen + 3) == NOT_FOUND)
                return 0;
        }
    }
    Py_ssize_t n = first_key(t, kind, data, pos, len, buf + plen + 1, MAX_PIECE);
    if (n <= 0)
        return n == -2 ? -2 : 0;
    for (Py_ssize_t i = 0; i < n; i++)
        h = hash_step(h, buf[plen + 1 + i]);
    return lookup(t, h, buf, plen + 1 + n) == PAIR;
}

/* What the table says of a piece that is not in it, buf[0:plen], when it is one word with
 * punctuation around it («ایران»،), as ONE_WORD in zwnj/pieces.py reads it: 0 (needs
 * nothing) for no word, or for a quiet word or a pair's left side with punctuation after it, which ends the
 * word; a pair's left side with punctuation only before it is that left side, whose word
 * (*word, *wlen, hashed *h) makes the pair. NOT_FOUND for anything else, and for a left side
 * after a Latin letter or a "&", which may be part of a URL or a reference. */
static int32_t one_word_in_punctuation(const WordTable *t, const Py_UCS2 *buf, Py_ssize_t plen,
                                       Py_ssize_t *word, Py_ssize_t *wlen, uint32_t *h)
{
    Py_ssize_t a = 0, b = plen;
    while (a < plen && !is_word_char(t, buf[a]))
        a++;
    if (a == plen)
        return 0;
    while (!is_word_char(t, buf[b - 1]))
        b--;
    uint32_t hw = HASH_INIT;
    for (Py_ssize_t i = a; i < b; i++) {
        if (!is_word_char(t, buf[i]))
            return NOT_FOUND; /* two words */
        hw = hash_step(hw, buf[i]);
    }
    int32_t v = lookup(t, hw, buf + a, b - a);
    if (v == 0 || (v > 0 && b < plen))
        return 0;
    if (v < 0)
        return NOT_FOUND;
    for (Py_ssize_t i = 0; i < a; i++)
        if (buf[i] == '&' || (buf[i] < 128 && Py_UNICODE_ISALPHA(buf[i])))
            return NOT_FOUND;
    *word = a, *wlen = b - a, *h = hw;
    return v;
}

static int append_visit(PyObject *out, Py_ssize_t index, Py_ssize_t start, Py_ssize_t end,
                        PyObject *value)
{
    PyObject *item = Py_BuildValue("(nnnO)", index, start, end, value);
    if (item == NULL)
        return -1;
    int r = PyList_Append(out, item);
    Py_DECREF(item);
    return r;
}

/* Read the piece from start into buf, hashing it, while it may be in the table (*in_buf
 * 0 once it may not); returns where it ends. Inlined twice in scan: for 2-byte text (all but
 * the rarest Persian text), where the compiler reads each character without asking its
 * kind, and for any kind. */
static ALWAYS_INLINE Py_ssize_t
read_piece(int kind, const void *data, Py_ssize_t start, Py_ssize_t len, Py_UCS2 *buf,
           uint32_t *hash, int *in_buf)
{
    Py_ssize_t end = start;
    uint32_t h = HASH_INIT;
    for (; end < len && end - start < MAX_PIECE; end++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, end);
        if (IS_SEP(c))
            break;
        if (c > 0xFFFF)
            goto too_long;
        buf[end - start] = (Py_UCS2)c;
        h = hash_step(h, c);
    }
    if (end == len || IS_SEP(PyUnicode_READ(kind, data, end))) {
        *hash = h, *in_buf = 1;
        return end;
    }
too_long: /* longer than MAX_PIECE, or with a character outside the BMP: find its end */
    while (end < len && !IS_SEP(PyUnicode_READ(kind, data, end)))
        end++;
    *hash = h, *in_buf = 0;
    return end;
}

static PyObject *scan(PyObject *module, PyObject *args)
{
    PyObject *text, *busy, *left_rights;
    WordTable *t;
    if (!PyArg_ParseTuple(args, "UO!O!O", &text, &WordTableType, &t, &PyList_Type, &left_rights, &busy))
        return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    Py_UCS2 buf[2 * MAX_PIECE + 1]; /* a piece, a space and the next piece's first key */
    Py_ssize_t index = 0;
    for (Py_ssize_t start = 0; start <= len; index++) {
        /* read the piece, hashing it as it goes, while it may be in the table */
        uint32_t h;
        int in_buf;
        Py_ssize_t end = kind == PyUnicode_2BYTE_KIND
                             ? read_piece(PyUnicode_2BYTE_KIND, data, start, len, buf, &h, &in_buf)
                             : read_piece(kind, data, start, len, buf, &h, &in_buf);
        Py_ssize_t plen = end - start, word = 0, wlen = plen; /* the word looked up */
        int32_t v = plen && in_buf ? lookup(t, h, buf, plen) : NOT_FOUND;
        if (v == NOT_FOUND && plen && in_buf)
            v = one_word_in_punctuation(t, buf, plen, &word, &wlen, &h);
        if (plen == 0 || v == 0) {
            /* no word, or one that needs nothing */
        } else if (v > 0 && v != NOT_FOUND) { /* the left side of pairs: visit if one follows */
            if (v >= PyList_GET_SIZE(left_rights)) {
                PyErr_SetString(PyExc_IndexError, "no left_rights for a WordTable id");
                goto fail;
            }
            PyObject *rights = PyList_GET_ITEM(left_rights, v);
            int pair = end < len ? makes_pair(t, kind, data, end + 1, len, buf + word, wlen, h) : 0;
            if (pair == -2) /* a first key too long for buf: ask the frozenset */
                pair = next_first_in(t, kind, data, end + 1, len, rights);
            if (pair < 0 || (pair && append_visit(out, index, start, end, rights) < 0))
                goto fail;
        } else {
            PyObject *piece = PyUnicode_Substring(text, start, end);
            if (piece == NULL)
                goto fail;
            PyObject *value = PyObject_GetItem(busy, piece);
            Py_DECREF(piece);
            if (value == NULL)
                goto fail;
            int visit = value != Py_None;
            if (visit && PyFrozenSet_CheckExact(value))
                visit = end < len ? next_first_in(t, kind, data, end + 1, len, value) : 0;
            if (visit < 0 || (visit && append_visit(out, index, start, end, value) < 0)) {
                Py_DECREF(value);
                goto fail;
            }
            Py_DECREF(value);
        }
        start = end + 1;
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

static PyMethodDef module_methods[] = {
    {"scan", scan, METH_VARARGS, "The pieces of a text that the ZWNJ step must look at."},
    {NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "paknevis.repair._scan", "The ZWNJ step's scan, in C.", -1, module_methods,
};

PyMODINIT_FUNC PyInit__scan(void)
{
    if (PyType_Ready(&WordTableType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module_def);
    if (m == NULL)
        return NULL;
    Py_INCREF(&WordTableType);
    if (PyModule_AddObject(m, "WordTable", (PyObject *)&WordTableType) < 0) {
        Py_DECREF(&WordTableType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
